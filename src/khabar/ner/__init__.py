"""Named-entity recognition: features, the linear-chain tagger, training and scoring."""
