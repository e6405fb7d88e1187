"""The MkDocs plugin: a thin adapter from MkDocs events to the loader and renderer."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .checks import REVIEW_AFTER_DAYS, check_site, check_site_url
from .checks.freshness import set_build_date, unset_build_date
from .incremental import THEME_TEMPLATES, GeneratedPage, PageKeys, front_matter, site_key
from .problems import log_to, report
from .publish.budget import GUIDE_BUDGET_KB
from .publish.search_index import write_search_index
from .render.languages import Languages
from .render.pages import PageSpec
from .render.report import summary, write_report
from .render.safe import NoRawHtml, escape_config, escape_titles
from .render.site import asset_files, theme_context
from .render.urls import asset

log = get_plugin_logger(__name__)

GLOBAL_CSS = "wegwijzer.css"
"""The one stylesheet every page loads; other assets load only on the pages that name them."""


MADE_BY_US = "this page is made by Wegwijzer — rename or remove the hand-written file"


class WegwijzerConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off, e.g. for a quick preview of the hand-written pages."""
    lifeevents_dir = c.Type(str, default="lifeevents")
    """Folder with the life-event YAML files and registers/, relative to mkdocs.yml."""
    language = c.Choice(("nl",), default="nl")  # the source of every translation
    languages = c.ListOfItems(c.Choice(("en", "ar")), default=[])
    """Languages besides Dutch: overlays in lifeevents/translations/<lang>/, pages below <lang>/."""
    language_min_share = c.Type((int, float), default=0.8)  # offered in the switcher from this share
    review_after_days = c.Type(int, default=REVIEW_AFTER_DAYS)
    """Warn (naming the owner) when a guide or help point was last checked longer ago than this."""
    max_guides_in_nav = c.Type(int, default=30)
    """Above this many guides, they are listed on the home page but not in the menu."""
    plain_language = c.Type(dict, default={})
    """Thresholds and rule severities of the plain-language gate (see README: "Plain-language gate")."""
    report = c.Type(str, default="wegwijzer-rapport.html")
    """Where the editors' report is written, relative to mkdocs.yml; not part of the site."""
    first_view_budget_kb = c.Type((int, float), default=GUIDE_BUDGET_KB)
    """Most a guide page may weigh on first view (HTML, CSS, JS, images, gzipped), in KB."""
    strict_warnings = c.Type(bool, default=False)
    """Log content warnings as MkDocs warnings, so that `mkdocs build --strict` fails on them too."""


class WegwijzerPlugin(BasePlugin[WegwijzerConfig]):
    """Loads the life events, checks them, and adds their pages to the site."""

    def __init__(self) -> None:
        self.languages: Languages | None = None
        self.files: Files | None = None
        self.specs: dict[str, PageSpec] = {}
        self.dirty = False
        self.keys = PageKeys()
        self.bodies: dict[str, tuple[str, list[tuple[int, str, str]]]] = {}
        self.escaped: Any = None  # the navigation whose titles are escaped (once per build)
        self.epoch: str | None = None  # the build date this plugin set (SOURCE_DATE_EPOCH)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # This hook keeps one plugin for all rebuilds of `mkdocs serve`: a dirty one knows what changed.
        self.dirty, self.keys, self.bodies = dirty, PageKeys(), {}

    def on_shutdown(self) -> None:
        self.dirty, self.escaped = False, None

    def lifeevents_path(self, config: MkDocsConfig) -> Path:
        base_dir = Path(config.config_file_path or ".").parent
        return (base_dir / self.config.lifeevents_dir).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        config_file = Path(config.config_file_path) if config.config_file_path else None
        result = check_site(config_file, self.lifeevents_path(config))
        report(result.problems + check_site_url(config.site_url), log_to(log, self.config.strict_warnings))
        report_path = Path(config.config_file_path or ".").parent / self.config.report
        write_report(report_path, result.problems, result.scores, result.settings)
        log.info(summary(result.problems, report_path))
        if result.errors:
            where = "mkdocs.yml or the content"
            raise PluginError(f"Wegwijzer found {len(result.errors)} problem(s) in {where} (listed above).")
        content = result.content
        self.epoch = set_build_date(content)
        self.languages = Languages(
            content, result.translations, config.site_url or "", self.config.language_min_share
        )
        self.specs = {spec.src_uri: spec for spec in self.languages.pages(self.config.max_guides_in_nav)}
        config.extra_css = list(dict.fromkeys([*config.extra_css, asset(GLOBAL_CSS)]))
        # The theme overrides every Wegwijzer site needs, after the site's own custom_dir.
        theme_dir = str(resources.files(__package__).joinpath("theme"))
        if theme_dir not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        config.extra["wegwijzer"] = theme_context(self.config.language)
        config.markdown_extensions.append(NoRawHtml())
        escape_config(config)
        return config

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        escape_titles([page, *(nav.items if nav is not self.escaped else ())])
        self.escaped = nav
        if self.languages is not None and self.files is not None:
            context.update(self.languages.page_context(page, self.files, nav))
        else:
            context["ww"] = config.extra["wegwijzer"]
        return context

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        escape_titles(context["nav"].items)  # 404.html, before any page
        others = self.languages.others() if self.languages else []  # 404.html speaks every language
        context.update(ww=config.extra["wegwijzer"], ww_others=others)
        return context

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        # A shared cache: MkDocs makes a new template environment for every rebuild of `mkdocs serve`.
        env.bytecode_cache = THEME_TEMPLATES
        return env

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(self.lifeevents_path(config)))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.languages is None:
            return files
        for spec in self.specs.values():
            if files.get_file_from_path(spec.src_uri) is not None:
                raise PluginError(f"{config.docs_dir}/{spec.src_uri}: {MADE_BY_US}")
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                GeneratedPage.generated(config, spec.src_uri, content=front_matter(spec), inclusion=inclusion)
            )
        for data in [*self.languages.files(config.use_directory_urls), *asset_files()]:
            files.append(File.generated(config, data.src_uri, content=data.content))
        if self.dirty:
            self._mark_changed_pages(files, config)
        self.files = files
        return files

    def _mark_changed_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Dirty rebuild: render our pages' bodies now, and let MkDocs skip those that did not change."""
        config_file, custom_dir = config.config_file_path, config.theme.custom_dir
        site = site_key(config_file, custom_dir, self.specs.values(), (file.src_uri for file in files))
        for spec in self.specs.values():
            file = files.get_file_from_path(spec.src_uri)
            assert isinstance(file, GeneratedPage)
            self.bodies[spec.src_uri] = body = self._body(spec, file, files)
            self.keys.mark(file, site, f"{file.content_string}\0{body[0]}")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.languages is not None:
            write_search_index(Path(config.site_dir), self.languages.documents())
        unset_build_date(self.epoch)
        self.keys.commit()
        self.bodies, self.epoch = {}, None

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
        assert self.languages is not None

        def link(src_uri: str) -> str:
            target = files.get_file_from_path(src_uri)
            if target is None:
                raise PluginError(f"Wegwijzer links to a page that does not exist: {src_uri}")
            return target.url_relative_to(file)

        rendered = self.languages.of(spec.src_uri).renderer.render(spec, link)
        return rendered.html, rendered.headings
