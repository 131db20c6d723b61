"""Face embedders: dlib's ResNet (default) and ONNX models such as SFace or ArcFace."""

from safecity.vision.faces.embedders.dlib_resnet import DLIB_RESNET
from safecity.vision.faces.embedders.dlib_resnet import DlibResnetEmbedder
from safecity.vision.faces.embedders.onnx_model import OnnxFaceEmbedder

__all__ = ["DLIB_RESNET", "DlibResnetEmbedder", "OnnxFaceEmbedder"]
