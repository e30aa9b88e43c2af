"""What pip installs is what the repository holds."""

import configparser

from .conftest import ROOT


def test_every_package_directory_is_listed_for_installation():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = {name.strip() for name in config["options"]["packages"].split(",")}
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "paraphrase").rglob("__init__.py")}
    on_disk.add("paraphrase_viewer")
    assert listed == on_disk


def test_the_viewer_templates_and_type_marker_are_package_data():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    data = config["options.package_data"]
    assert data["paraphrase"].strip() == "py.typed, models/*" and (ROOT / "paraphrase" / "py.typed").exists()
    # The semantic scorer's tokenizer, beside its provenance (the model comes from its package).
    assert {p.name for p in (ROOT / "paraphrase" / "models").iterdir()} == {
        "all-MiniLM-L6-v2.tokenizer.json", "PROVENANCE.txt"}
    assert data["paraphrase_viewer"].strip() == "templates/*"
    assert {p.name for p in (ROOT / "web" / "paraphrase_viewer" / "templates").iterdir()} == {
        "base.html", "index.html", "result.html", "viewer.css", "viewer.js"}
