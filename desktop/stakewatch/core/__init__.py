"""Stakewatch's core as the doors see it: the `Service` and the words they share.

The CLI (`stakewatch.cli`) and the tray app (`stakewatch.qt`) import only from here and from the
vocabulary modules `core.model`, `core.states` and `core.i18n`; everything below (store, fetching,
matching, pages, sources, delivery, exchange, platform) is reached through a `Service`. The names
are loaded on first use, so a worker child or the Qt probe importing one module pays for no more.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .delivery.channels import (
        EMPTY_URL as CHANNEL_EMPTY_URL,
    )
    from .delivery.channels import (
        ONLY as CHANNEL_ONLY,
    )
    from .delivery.channels import (
        TITLE as CHANNEL_TITLE,
    )
    from .delivery.channels import (
        check_name as check_channel_name,
    )
    from .delivery.channels import (
        check_url as check_channel_url,
    )
    from .delivery.channels import (
        parse_schedule as parse_digest_schedule,
    )
    from .delivery.outbox import (
        DeliveryReport as DeliveryReport,
    )
    from .exchange.briefing import (
        LIST as BRIEFING_LIST,
    )
    from .exchange.briefing import (
        Briefing as Briefing,
    )
    from .exchange.briefing import (
        Entry as Entry,
    )
    from .exchange.briefing import (
        TopStory as TopStory,
    )
    from .exchange.transfer import (
        MAX_INTERVAL as MAX_INTERVAL,
    )
    from .exchange.transfer import (
        Config as Config,
    )
    from .matching.aliases import (
        Candidate as Candidate,
    )
    from .matching.backfill import (
        BackfillResult as BackfillResult,
    )
    from .matching.matcher import (
        Match as Match,
    )
    from .model.values import (
        Channel as Channel,
    )
    from .model.values import (
        FoundFeed as FoundFeed,
    )
    from .model.values import (
        Notification as Notification,
    )
    from .model.values import (
        Refused as Refused,
    )
    from .platform.autostart import (
        disable as disable_autostart,
    )
    from .platform.autostart import (
        enable as enable_autostart,
    )
    from .platform.autostart import (
        is_enabled as autostart_enabled,
    )
    from .platform.demo import (
        REOPEN_WINDOW as REOPEN_WINDOW,
    )
    from .platform.demo import (
        RESET_DEMO as RESET_DEMO,
    )
    from .platform.demo import (
        DemoLock as DemoLock,
    )
    from .platform.demo import (
        DemoServer as DemoServer,
    )
    from .platform.demo import (
        claim_demo_dir as claim_demo_dir,
    )
    from .platform.licences import (
        Part as Part,
    )
    from .platform.licences import (
        bundled_parts as bundled_parts,
    )
    from .platform.licences import (
        installed_parts as installed_parts,
    )
    from .platform.links import (
        complete_address as complete_address,
    )
    from .platform.links import (
        open_link as open_link,
    )
    from .platform.links import (
        safe_link as safe_link,
    )
    from .platform.os_words import (
        os_reason as os_reason,
    )
    from .platform.paths import (
        ENV_HOME as ENV_HOME,
    )
    from .platform.paths import (
        data_dir as data_dir,
    )
    from .platform.paths import (
        database_path as database_path,
    )
    from .platform.secrets import (
        AUTH_KINDS as AUTH_KINDS,
    )
    from .platform.secrets import (
        WAITING as KEYRING_WAITING,
    )
    from .platform.secrets import (
        redact as redact,
    )
    from .platform.worker import (
        child_main as worker_main,
    )
    from .resources import (
        resource as resource,
    )
    from .service import (
        MAX_WAIT as MAX_WAIT,
    )
    from .service import (
        CycleResult as CycleResult,
    )
    from .service import (
        Reaction as Reaction,
    )
    from .service import (
        Service as Service,
    )
    from .service import (
        Snapshot as Snapshot,
    )
    from .service import (
        cycle_summary as cycle_summary,
    )
    from .service import (
        find_feeds as find_feeds,
    )
    from .service import (
        import_summary as import_summary,
    )
    from .service import (
        next_wait as next_wait,
    )
    from .service import (
        preview_source as preview_source,
    )
    from .service import (
        show_notifications as show_notifications,
    )
    from .service import (
        tray_state_for as tray_state_for,
    )
    from .service import (
        try_entity as try_entity,
    )
    from .service.channels import (
        BriefingWriter as BriefingWriter,
    )
    from .service.channels import (
        Courier as Courier,
    )
    from .service.diagnostics import (
        diagnostics as diagnostics,
    )
    from .service.diagnostics import (
        reset_demo_dir as reset_demo_dir,
    )
    from .service.diagnostics import (
        start_logging as setup_logging,
    )
    from .service.first_run import (
        EXAMPLE_NAME as EXAMPLE_NAME,
    )
    from .service.first_run import (
        LOADED_EXAMPLE as LOADED_EXAMPLE,
    )
    from .service.pages import (
        PageView as PageView,
    )
    from .service.poller import (
        CycleReport as CycleReport,
    )
    from .service.team_server import (
        Bell as TeamDoorbell,
    )
    from .service.team_server import (
        attach as attach_server,
    )
    from .service.team_server import (
        attached_server as attached_server,
    )
    from .service.team_server import (
        init_team as init_team,
    )
    from .service.team_server import (
        run_poller as run_team_poller,
    )
    from .service.watchlists import (
        suggest_with_counts as suggest_with_counts,
    )
    from .settings import (
        SETTINGS as SETTINGS,
    )
    from .settings import (
        Setting as Setting,
    )
    from .sources import (
        SOURCE_KINDS as SOURCE_KINDS,
    )
    from .sources.search import (
        PRESETS as SEARCH_PRESETS,
    )
    from .store.attachment import (
        SERVER_VARIABLE as SERVER_VARIABLE,
    )
    from .store.channels import (
        ChannelRow as ChannelRow,
    )
    from .store.editing import (
        Snapshot as DeletionSnapshot,
    )
    from .store.errors import (
        DatabaseFailure as DatabaseFailure,
    )
    from .store.errors import (
        StorageError as StorageError,
    )
    from .store.errors import (
        describe_sqlite_error as describe_sqlite_error,
    )
    from .store.errors import (
        storage_error as storage_error,
    )
    from .store.inbox import (
        AlertDetail as AlertDetail,
    )
    from .store.inbox import (
        InboxQuery as InboxQuery,
    )
    from .store.inbox import (
        InboxRow as InboxRow,
    )
    from .store.story_rows import (
        StoryRow as StoryRow,
    )
    from .text import (
        plain as plain,
    )
    from .text import (
        plain_line as plain_line,
    )
    from .text import (
        plain_lines as plain_lines,
    )
    from .when import (
        date_time as date_time,
    )
    from .when import (
        long_date as long_date,
    )
    from .when import (
        month_day as month_day,
    )
    from .when import (
        relative as relative,
    )
    from .when import (
        short_date as short_date,
    )

_EXPORTS: dict[str, tuple[str, str]] = {
    "run_team_poller": ("service.team_server", "run_poller"),
    "init_team": ("service.team_server", "init_team"),
    "TeamDoorbell": ("service.team_server", "Bell"),
    "attach_server": ("service.team_server", "attach"),
    "attached_server": ("service.team_server", "attached_server"),
    "SERVER_VARIABLE": ("store.attachment", "SERVER_VARIABLE"),
    "REOPEN_WINDOW": ("platform.demo", "REOPEN_WINDOW"),
    "CHANNEL_ONLY": ("delivery.channels", "ONLY"),
    "CHANNEL_EMPTY_URL": ("delivery.channels", "EMPTY_URL"),
    "CHANNEL_TITLE": ("delivery.channels", "TITLE"),
    "check_channel_name": ("delivery.channels", "check_name"),
    "check_channel_url": ("delivery.channels", "check_url"),
    "parse_digest_schedule": ("delivery.channels", "parse_schedule"),
    "DeliveryReport": ("delivery.outbox", "DeliveryReport"),
    "Briefing": ("exchange.briefing", "Briefing"),
    "Entry": ("exchange.briefing", "Entry"),
    "TopStory": ("exchange.briefing", "TopStory"),
    "BRIEFING_LIST": ("exchange.briefing", "LIST"),
    "MAX_INTERVAL": ("exchange.transfer", "MAX_INTERVAL"),
    "Config": ("exchange.transfer", "Config"),
    "Candidate": ("matching.aliases", "Candidate"),
    "BackfillResult": ("matching.backfill", "BackfillResult"),
    "Match": ("matching.matcher", "Match"),
    "Notification": ("model.values", "Notification"),
    "Channel": ("model.values", "Channel"),
    "FoundFeed": ("model.values", "FoundFeed"),
    "Refused": ("model.values", "Refused"),
    "autostart_enabled": ("platform.autostart", "is_enabled"),
    "enable_autostart": ("platform.autostart", "enable"),
    "disable_autostart": ("platform.autostart", "disable"),
    "DemoServer": ("platform.demo", "DemoServer"),
    "DemoLock": ("platform.demo", "DemoLock"),
    "claim_demo_dir": ("platform.demo", "claim_demo_dir"),
    "RESET_DEMO": ("platform.demo", "RESET_DEMO"),
    "installed_parts": ("platform.licences", "installed_parts"),
    "bundled_parts": ("platform.licences", "bundled_parts"),
    "Part": ("platform.licences", "Part"),
    "open_link": ("platform.links", "open_link"),
    "complete_address": ("platform.links", "complete_address"),
    "safe_link": ("platform.links", "safe_link"),
    "os_reason": ("platform.os_words", "os_reason"),
    "data_dir": ("platform.paths", "data_dir"),
    "database_path": ("platform.paths", "database_path"),
    "ENV_HOME": ("platform.paths", "ENV_HOME"),
    "AUTH_KINDS": ("platform.secrets", "AUTH_KINDS"),
    "KEYRING_WAITING": ("platform.secrets", "WAITING"),
    "redact": ("platform.secrets", "redact"),
    "worker_main": ("platform.worker", "child_main"),
    "resource": ("resources", "resource"),
    "Service": ("service", "Service"),
    "CycleResult": ("service", "CycleResult"),
    "Snapshot": ("service", "Snapshot"),
    "Reaction": ("service", "Reaction"),
    "cycle_summary": ("service", "cycle_summary"),
    "import_summary": ("service", "import_summary"),
    "next_wait": ("service", "next_wait"),
    "MAX_WAIT": ("service", "MAX_WAIT"),
    "tray_state_for": ("service", "tray_state_for"),
    "find_feeds": ("service", "find_feeds"),
    "preview_source": ("service", "preview_source"),
    "try_entity": ("service", "try_entity"),
    "show_notifications": ("service", "show_notifications"),
    "BriefingWriter": ("service.channels", "BriefingWriter"),
    "Courier": ("service.channels", "Courier"),
    "diagnostics": ("service.diagnostics", "diagnostics"),
    "setup_logging": ("service.diagnostics", "start_logging"),
    "reset_demo_dir": ("service.diagnostics", "reset_demo_dir"),
    "EXAMPLE_NAME": ("service.first_run", "EXAMPLE_NAME"),
    "LOADED_EXAMPLE": ("service.first_run", "LOADED_EXAMPLE"),
    "PageView": ("service.pages", "PageView"),
    "CycleReport": ("service.poller", "CycleReport"),
    "suggest_with_counts": ("service.watchlists", "suggest_with_counts"),
    "SETTINGS": ("settings", "SETTINGS"),
    "Setting": ("settings", "Setting"),
    "SOURCE_KINDS": ("sources", "SOURCE_KINDS"),
    "SEARCH_PRESETS": ("sources.search", "PRESETS"),
    "ChannelRow": ("store.channels", "ChannelRow"),
    "DeletionSnapshot": ("store.editing", "Snapshot"),
    "DatabaseFailure": ("store.errors", "DatabaseFailure"),
    "StorageError": ("store.errors", "StorageError"),
    "storage_error": ("store.errors", "storage_error"),
    "describe_sqlite_error": ("store.errors", "describe_sqlite_error"),
    "InboxQuery": ("store.inbox", "InboxQuery"),
    "InboxRow": ("store.inbox", "InboxRow"),
    "AlertDetail": ("store.inbox", "AlertDetail"),
    "StoryRow": ("store.story_rows", "StoryRow"),
    "plain": ("text", "plain"),
    "plain_line": ("text", "plain_line"),
    "plain_lines": ("text", "plain_lines"),
    "date_time": ("when", "date_time"),
    "long_date": ("when", "long_date"),
    "short_date": ("when", "short_date"),
    "month_day": ("when", "month_day"),
    "relative": ("when", "relative"),
}

__all__ = [
    "run_team_poller",
    "init_team",
    "TeamDoorbell",
    "attach_server",
    "attached_server",
    "SERVER_VARIABLE",
    "REOPEN_WINDOW",
    "AUTH_KINDS",
    "AlertDetail",
    "BRIEFING_LIST",
    "BackfillResult",
    "Briefing",
    "BriefingWriter",
    "CHANNEL_EMPTY_URL",
    "CHANNEL_ONLY",
    "CHANNEL_TITLE",
    "Candidate",
    "Channel",
    "ChannelRow",
    "Config",
    "Courier",
    "CycleReport",
    "CycleResult",
    "DatabaseFailure",
    "DeletionSnapshot",
    "DeliveryReport",
    "DemoLock",
    "DemoServer",
    "ENV_HOME",
    "EXAMPLE_NAME",
    "Entry",
    "FoundFeed",
    "InboxQuery",
    "InboxRow",
    "KEYRING_WAITING",
    "LOADED_EXAMPLE",
    "MAX_INTERVAL",
    "MAX_WAIT",
    "Match",
    "Notification",
    "PageView",
    "Part",
    "RESET_DEMO",
    "Reaction",
    "Refused",
    "SEARCH_PRESETS",
    "SETTINGS",
    "SOURCE_KINDS",
    "Service",
    "Setting",
    "Snapshot",
    "StorageError",
    "StoryRow",
    "TopStory",
    "autostart_enabled",
    "bundled_parts",
    "check_channel_name",
    "check_channel_url",
    "claim_demo_dir",
    "complete_address",
    "cycle_summary",
    "data_dir",
    "database_path",
    "date_time",
    "describe_sqlite_error",
    "diagnostics",
    "disable_autostart",
    "enable_autostart",
    "find_feeds",
    "import_summary",
    "installed_parts",
    "long_date",
    "month_day",
    "next_wait",
    "open_link",
    "os_reason",
    "parse_digest_schedule",
    "plain",
    "plain_line",
    "plain_lines",
    "preview_source",
    "redact",
    "relative",
    "reset_demo_dir",
    "resource",
    "safe_link",
    "setup_logging",
    "short_date",
    "show_notifications",
    "storage_error",
    "suggest_with_counts",
    "tray_state_for",
    "try_entity",
    "worker_main",
]


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value
