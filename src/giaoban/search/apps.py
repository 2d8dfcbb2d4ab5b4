from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "giaoban.search"
    verbose_name = _("Tìm kiếm")

    def ready(self) -> None:
        # The records never know the search index: it listens to their saves and deletes.
        from giaoban.core import textsearch
        from giaoban.search import indexing, query, resultcache

        indexing.connect()
        resultcache.connect()
        textsearch.register(query.matching_ids)
