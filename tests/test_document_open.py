"""Opening a map reads its file once: the signature that later tells whether someone
changed the file is made from the very bytes that were loaded."""

from __future__ import annotations

from factories import sample_map
from mapper.document import Document
from mapper.fileformat import save_journey
from mapper.fileformat import signature as signature_module
from mapper.fileformat.signature import DiskSignature


def test_opening_hashes_the_bytes_it_loaded_without_reading_the_file_again(
    tmp_path, qapp, monkeypatch
):
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    expected = DiskSignature.read(path)
    reads = []
    real = signature_module.sha256_file
    monkeypatch.setattr(signature_module, "sha256_file", lambda p: reads.append(p) or real(p))
    document = Document.open(path)
    assert reads == []
    assert document.disk_signature == expected
    assert document.path == path and not document.changed_on_disk()
    path.write_text(path.read_text("utf-8").replace("Awareness", "Awareness!"), "utf-8")
    assert document.changed_on_disk()
