"""Person search across cameras (issue 18): appearance vectors of person tracks, found again on other cameras.

The worker's re-id stage (`safecity.worker.reid_stage`) publishes one `reid.appearance` per finished person
track (best crop in the media store, appearance vector inline); the `persons_search` consumer stores it.
`POST /api/v1/persons/search` ranks the stored tracks of a time window by appearance similarity to an
uploaded crop or a stored track, then re-ranks them with the camera topology (neighbouring cameras and their
usual travel time, learned from plate trajectories and editable).
"""
