"""Models the platform knows how to fetch: official release addresses with their sha256 and licence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ModelSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    kind: str = Field(description="detector, face-detector, ...")
    output_format: str | None = Field(None, description="detector output layout: yolox or yolov8")
    url: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int | None = None
    filename: str
    licence: str
    description: str = ""


CATALOG: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="yolox-nano",
            kind="detector",
            output_format="yolox",
            url="https://github.com/Megvii-BaseDetection/YOLOX/releases/download/0.1.1rc0/yolox_nano.onnx",
            sha256="c789161ed43c8269fcd4e67c67eeeb4e80c622da2eb296a20bc6007bd18a0b7d",
            size=3_659_407,
            filename="yolox_nano.onnx",
            licence="Apache-2.0",
            description="YOLOX-Nano, COCO 80 classes, 416x416; fast CPU detector for people and vehicles",
        ),
        ModelSpec(
            name="yunet-2023mar",
            kind="face-detector",
            url="https://github.com/opencv/opencv_zoo/raw/main/models/face_detection_yunet/face_detection_yunet_2023mar.onnx",
            sha256="8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4",
            size=232_589,
            filename="face_detection_yunet_2023mar.onnx",
            licence="MIT",
            description="YuNet face detector (boxes + 5 landmarks) for cv2.FaceDetectorYN",
        ),
    )
}

DEFAULT_DETECTOR = "yolox-nano"
