"""Vehicle hotlists: wanted, stolen and suspect plates, matched exactly or fuzzily against plate reads."""
