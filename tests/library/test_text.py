from twinning.library.search.text import chunk_paragraphs, index_words, query_words, snippet, stem


def test_chinese_is_segmented_in_search_mode_so_short_words_inside_long_ones_are_indexed():
    assert index_words("我们在社区推广垃圾分类和堆肥") == "我们 在 社区 推广 垃圾 分类 和 堆肥"
    assert index_words("中华人民共和国") == "中华 华人 人民 共和 共和国 中华人民共和国"


def test_english_is_folded_and_plurals_stemmed_the_same_way_for_index_and_query():
    assert index_words("Cities' Éco-Quartiers classes") == "city eco quartier classe"
    assert query_words("the cities of the river") == ["city", "river"]
    assert [stem(w) for w in ("bus", "glass", "studies", "boxes", "bees")] == [
        "bus",
        "glass",
        "study",
        "boxe",
        "bee",
    ]


def test_query_words_keep_stop_words_when_nothing_else_is_left():
    assert query_words("what is the") == ["what", "is", "the"]
    assert query_words("如何 减少 塑料") == ["减少", "塑料"]


def test_snippet_escapes_text_and_marks_query_words():
    plain, html = snippet("Cities <script>alert(1)</script> sort 垃圾分类 waste.", ["city", "分类"])
    assert plain == "Cities <script>alert(1)</script> sort 垃圾分类 waste."
    assert (
        html
        == "<mark>Cities</mark> &lt;script&gt;alert(1)&lt;/script&gt; sort 垃圾<mark>分类</mark> waste."
    )


def test_snippet_is_a_window_around_the_first_hit():
    text = "Filler words here. " * 40 + "The compost heap is turned weekly." + " More filler." * 40
    plain, html = snippet(text, ["compost"], width=120)
    assert plain.startswith("… ") and plain.endswith(" …")
    assert "compost heap" in plain and len(plain) <= 124
    assert "<mark>compost</mark> heap" in html


def test_paragraphs_are_merged_when_short_and_cut_at_sentences_when_long():
    assert chunk_paragraphs("One.\n\nTwo.\n\n") == ["One.\nTwo."]
    long = " ".join(f"Sentence {n} is here." for n in range(200))
    pieces = chunk_paragraphs(long, target=300, limit=600)
    assert all(len(piece) <= 600 for piece in pieces)
    assert " ".join(pieces).split() == long.split()
