"""The offline build's pieces, without a browser (the bundle itself: tests/browser/test_offline_bundle.py)."""

from __future__ import annotations

import json
import zipfile

from pccc_site import offline


def test_configure_turns_off_directory_urls_and_loads_the_shim_once():
    config = {"use_directory_urls": True, "extra": {}}
    offline.configure(config)
    offline.configure(config)  # static-i18n runs on_config once per language
    assert config["use_directory_urls"] is False
    assert config["extra"]["polyfills"] == [offline.SHIM]


def test_the_vendored_shim_and_its_licence_are_there():
    vendored = offline.ROOT / "overrides" / offline.SHIM
    assert "window.Worker" in vendored.read_text(encoding="utf-8")
    assert "MIT" in (vendored.parent / "LICENSE").read_text(encoding="utf-8") or "Permission is hereby granted" in (
        vendored.parent / "LICENSE").read_text(encoding="utf-8")


def test_offline_is_off_unless_asked(monkeypatch):
    monkeypatch.delenv("OFFLINE", raising=False)
    assert not offline.enabled()
    monkeypatch.setenv("OFFLINE", "1")
    assert offline.enabled()


def test_a_search_script_is_written_beside_each_language_index(tmp_path):
    for folder, lang in ((tmp_path / "search", "vi"), (tmp_path / "en" / "search", "en")):
        folder.mkdir(parents=True)
        (folder / "search_index.json").write_text(json.dumps({"config": {"lang": [lang]}, "docs": []}), encoding="utf-8")
    written = offline.write_search_scripts(tmp_path, ["vi", "en"], "vi")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == ["en/search/search_index.js", "search/search_index.js"]
    script = (tmp_path / "en" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert json.loads(script.removeprefix("var __index = "))["config"]["lang"] == ["en"]


def test_the_zip_has_one_top_folder_and_no_source_maps(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<html></html>")
    (site / "assets" / "bundle.js").write_text("x")
    (site / "assets" / "bundle.js.map").write_text("{}")
    path = offline.zip_site(site, tmp_path / "dist" / "b.zip")
    names = zipfile.ZipFile(path).namelist()
    assert names == [f"{offline.BUNDLE_NAME}/assets/bundle.js", f"{offline.BUNDLE_NAME}/index.html"]
