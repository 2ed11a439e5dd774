"""The pamphlet project on disk: manifest, corrections, references, scaffold."""
