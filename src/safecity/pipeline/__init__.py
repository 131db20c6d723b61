"""Camera pipeline: wires video and vision together and evaluates rules for one camera."""
