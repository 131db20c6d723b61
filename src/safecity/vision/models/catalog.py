"""Models the platform knows how to fetch: official release addresses with their sha256 and licence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ModelSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    kind: str = Field(description="detector, face-detector, ...")
    output_format: str | None = Field(
        None, description="output layout: yolox or yolov8 (detectors), y5fu or lpd-yunet (plate detectors)"
    )
    url: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int | None = None
    filename: str
    licence: str
    description: str = ""


_HYPERLPR = (
    "https://github.com/szad670401/HyperLPR/raw/58ad4ef736fec5289e8c8cb842e066e70c4672c3/resource/models/onnx"
)

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
        ModelSpec(
            name="person-reid-0248",
            kind="person-reid",
            url="https://github.com/Kazuhito00/MOT-Tracking-by-Detection-Pipeline/raw/e50a76b8b430b778276e7fd04fd4cafd5d45eab2/Tracker/person_reid/model/person-reidentification-retail-0248.onnx",
            sha256="43891ce644ff6f4c70cce150028e44d6cf3d150cb5a3eb75bf69bfaef0ebe789",
            size=806_257,
            filename="person-reidentification-retail-0248.onnx",
            licence="Apache-2.0",
            description="Intel OMZ person re-identification: 256x128 BGR person crop -> 256-D vector",
        ),
        ModelSpec(
            name="y5fu-320",
            kind="plate-detector",
            output_format="y5fu",
            url=f"{_HYPERLPR}/y5fu_320x_sim.onnx",
            sha256="2a985dc63a5cc947ec36d18503d6fc0fd54525b9dba17f2fe29a71e86b44456d",
            size=2_343_161,
            filename="y5fu_320x_sim.onnx",
            licence="Apache-2.0",
            description="HyperLPR plate detector with 4 corners, 320x320; for vehicle crops (ANPR default)",
        ),
        ModelSpec(
            name="y5fu-640",
            kind="plate-detector",
            output_format="y5fu",
            url=f"{_HYPERLPR}/y5fu_640x_sim.onnx",
            sha256="0306de937471b87f56eb3f5620815e7e7058f8ab7428e0734fc64627cc4d716c",
            size=3_930_791,
            filename="y5fu_640x_sim.onnx",
            licence="Apache-2.0",
            description="HyperLPR plate detector with 4 corners, 640x640; slower, for whole scenes",
        ),
        ModelSpec(
            name="lpd-yunet-2023mar",
            kind="plate-detector",
            output_format="lpd-yunet",
            url="https://github.com/opencv/opencv_zoo/raw/main/models/license_plate_detection_yunet/license_plate_detection_lpd_yunet_2023mar.onnx",
            sha256="6d4978a7b6d25514d5e24811b82bfb511d166bdd8ca3b03aa63c1623d4d039c7",
            size=4_146_213,
            filename="license_plate_detection_lpd_yunet_2023mar.onnx",
            licence="Apache-2.0",
            description="OpenCV Zoo LPD-YuNet plate detector (4 corners), 320x240; trained on Chinese plates",
        ),
    )
}

DEFAULT_DETECTOR = "yolox-nano"
DEFAULT_PLATE_DETECTOR = "y5fu-320"
