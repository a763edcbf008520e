import numpy as np
import pytest

from twinning.matching.embedding import UniversalSentenceEmbedder


@pytest.mark.use_model
def test_multilingual_model_puts_translations_close():
    vectors = UniversalSentenceEmbedder().encode(
        [
            "household waste sorting in communities",
            "社区生活垃圾分类",
            "glacier measurements in the Alps",
        ]
    )
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.1
