"""The MkDocs plugin: a thin adapter from MkDocs events to the loader and renderer."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .checks import run_checks
from .incremental import GeneratedPage, PageKeys, site_key
from .loader import Content
from .pages import PageSpec, Renderer, site_files, site_pages
from .problems import Problem
from .report import summary, write_report
from .writing import LanguageSettings

log = get_plugin_logger(__name__)

ASSETS_DIR = "assets/wegwijzer"
"""Where the package's own CSS and scripts are published in the site."""
GLOBAL_CSS = "wegwijzer.css"
"""The one stylesheet every page loads; other assets load only on the pages that name them."""


class WegwijzerConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off, e.g. for a quick preview of the hand-written pages."""
    lifeevents_dir = c.Type(str, default="lifeevents")
    """Folder with the life-event YAML files and registers/, relative to mkdocs.yml."""
    language = c.Choice(("nl",), default="nl")
    """Language of the interface strings on generated pages."""
    review_after_days = c.Type(int, default=365)
    """Warn (naming the owner) when a guide or help point was last checked longer ago than this."""
    max_guides_in_nav = c.Type(int, default=30)
    """Above this many guides, they are listed on the home page but not in the menu."""
    plain_language = c.Type(dict, default={})
    """Thresholds and rule severities of the plain-language gate (see README: "Plain-language gate")."""
    report = c.Type(str, default="wegwijzer-rapport.html")
    """Where the editors' report is written, relative to mkdocs.yml; not part of the site."""
    first_view_budget_kb = c.Type((int, float), default=50)
    """Most a guide page may weigh on first view (HTML, CSS, JS, images, gzipped), in KB."""
    strict_warnings = c.Type(bool, default=False)
    """Log content warnings as MkDocs warnings, so that `mkdocs build --strict` fails on them too."""


class WegwijzerPlugin(BasePlugin[WegwijzerConfig]):
    """Loads the life events, checks them, and adds their pages to the site."""

    def __init__(self) -> None:
        self.content: Content | None = None
        self.renderer: Renderer | None = None
        self.specs: dict[str, PageSpec] = {}
        self.dirty = False
        self.keys = PageKeys()
        self.bodies: dict[str, tuple[str, list[tuple[int, str, str]]]] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook keeps one plugin instance for all rebuilds of `mkdocs serve`,
        # so that a dirty rebuild knows which pages changed since the last one.
        self.dirty = dirty
        self.keys = PageKeys()
        self.bodies = {}

    def on_shutdown(self) -> None:
        self.dirty = False

    def lifeevents_path(self, config: MkDocsConfig) -> Path:
        base_dir = Path(config.config_file_path or ".").parent
        return (base_dir / self.config.lifeevents_dir).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:
            settings = LanguageSettings.from_options(self.config.plain_language)
        except (TypeError, ValueError) as err:
            raise PluginError(f"mkdocs.yml: plugins → wegwijzer → plain_language: {err}") from None
        result = run_checks(
            self.lifeevents_path(config), Path(config.docs_dir), settings, self.config.review_after_days
        )
        content, problems = result.content, result.problems
        report(problems, self.config.strict_warnings)
        report_path = Path(config.config_file_path or ".").parent / self.config.report
        write_report(report_path, problems, result.scores, settings)
        log.info(summary(problems, report_path))
        errors = result.errors
        if errors:
            noun = "problem" if len(errors) == 1 else "problems"
            raise PluginError(
                f"Wegwijzer found {len(errors)} {noun} in the content (listed above). "
                "Fix them and build again; the site was not changed."
            )
        self.content = content
        self.renderer = Renderer(content, self.config.language, config.site_url or "")
        self.specs = {
            spec.src_uri: spec
            for spec in site_pages(content, self.config.language, self.config.max_guides_in_nav)
        }
        uri = f"{ASSETS_DIR}/{GLOBAL_CSS}"
        if uri not in config.extra_css:
            config.extra_css.append(uri)
        return config

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        # MkDocs makes a new template environment for every rebuild of `mkdocs serve`;
        # without a shared cache, it compiles the theme's templates again each time.
        env.bytecode_cache = _THEME_TEMPLATES
        return env

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(self.lifeevents_path(config)))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.content is None:
            return files
        for spec in self.specs.values():
            if files.get_file_from_path(spec.src_uri) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{spec.src_uri}: this page is made by Wegwijzer "
                    "— rename or remove the hand-written file"
                )
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                GeneratedPage.generated(
                    config, spec.src_uri, content=_front_matter(spec), inclusion=inclusion
                )
            )
        for data in site_files(self.content, self.config.language, config.use_directory_urls):
            files.append(File.generated(config, data.src_uri, content=data.content))
        for name, text in _package_assets().items():
            files.append(File.generated(config, f"{ASSETS_DIR}/{name}", content=text))
        if self.dirty:
            self._mark_changed_pages(files, config)
        return files

    def _mark_changed_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Dirty rebuild: render our pages' bodies now, and let MkDocs skip those that did not change."""
        custom_dir = config.theme.custom_dir
        site = site_key(
            Path(config.config_file_path) if config.config_file_path else None,
            [Path(custom_dir)] if custom_dir else [],
            self.specs.values(),
            (file.src_uri for file in files),
        )
        for spec in self.specs.values():
            file = files.get_file_from_path(spec.src_uri)
            assert isinstance(file, GeneratedPage)
            self.bodies[spec.src_uri] = body = self._body(spec, file, files)
            self.keys.mark(file, site, f"{file.content_string}\0{body[0]}")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.keys.commit()
        self.bodies = {}

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return html
        body, headings = self.bodies.pop(spec.src_uri, None) or self._body(spec, page.file, files)
        page.toc = get_toc(
            [{"level": level, "id": hid, "name": name, "children": []} for level, hid, name in headings]
        )
        return body

    def _body(self, spec: PageSpec, file: File, files: Files) -> tuple[str, list[tuple[int, str, str]]]:
        """A generated page's HTML (its own CSS and scripts first) and its headings."""
        assert self.renderer is not None

        def link(src_uri: str) -> str:
            target = files.get_file_from_path(src_uri)
            if target is None:
                raise PluginError(f"Wegwijzer links to a page that does not exist: {src_uri}")
            return target.url_relative_to(file)

        rendered = self.renderer.render(spec, link)
        tags = [
            f'<link rel="stylesheet" href="{link(f"{ASSETS_DIR}/{name}")}">'
            if name.endswith(".css")
            else f'<script src="{link(f"{ASSETS_DIR}/{name}")}" defer></script>'
            for name in spec.assets
        ]
        return "\n".join([*tags, rendered.html]), rendered.headings


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates, kept for the life of the process; a changed template's checksum differs."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_THEME_TEMPLATES = _MemoryBytecodeCache()


def _front_matter(spec: PageSpec) -> str:
    meta: dict[str, Any] = {"title": spec.title, **spec.meta}
    # JSON is YAML too, and much faster to write: this runs for every page on every rebuild.
    return "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n"


def _package_assets() -> dict[str, str]:
    """The package's CSS and JS files, by name."""
    folder = resources.files("wegwijzer").joinpath("assets")
    return {
        item.name: item.read_text("utf-8")
        for item in sorted(folder.iterdir(), key=lambda i: i.name)
        if item.name.endswith((".css", ".js"))
    }


def report(problems: list[Problem], strict_warnings: bool = False) -> None:
    """Send problems to the plugin logger.

    Errors are logged as errors (the build stops). Warnings are logged as
    information, so they show on every build and rebuild without failing a
    strict build, unless ``strict_warnings`` is set.
    """
    for problem in sorted(problems):
        if problem.is_error:
            log.error(str(problem))
        elif strict_warnings:
            log.warning(str(problem))
        else:
            log.info(f"warning: {problem}")
