"""Atom feed of an organisation's published conclusion notices and news items."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from giaoban.documents.models import Document, NewsItem
from giaoban.organisations.models import Organization

FEED_SIZE = 30


class PublicFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, org_pk: int) -> Organization:
        return get_object_or_404(Organization, pk=org_pk)

    def title(self, obj: Organization) -> str:
        return f"{obj.name}: thông báo kết luận và tin bài"

    def link(self, obj: Organization) -> str:
        return reverse("documents:public", args=[obj.pk])

    def subtitle(self, obj: Organization) -> str:
        return f"Văn bản và tin bài đã công khai của {obj.name}"

    def items(self, obj: Organization) -> list[Document | NewsItem]:
        documents = list(obj.issued_documents.filter(published=True).order_by("-published_at")[:FEED_SIZE])
        news = list(obj.news_items.filter(published=True).order_by("-published_at")[:FEED_SIZE])
        return sorted(documents + news, key=self.item_pubdate, reverse=True)[:FEED_SIZE]

    def item_title(self, item: Document | NewsItem) -> str:
        if isinstance(item, Document):
            return f"{item.content.get('kind_name', '').capitalize()} số {item.code}: {item.title}"
        return item.title

    def item_description(self, item: Document | NewsItem) -> str:
        if isinstance(item, Document):
            return item.content.get("place_date", "")
        return item.lead or item.body[:300]

    def item_link(self, item: Document | NewsItem) -> str:
        if isinstance(item, Document):
            return reverse("documents:public_document", args=[item.pk])
        return reverse("documents:public_news", args=[item.pk])

    def item_guid(self, item: Document | NewsItem) -> str:
        return f"{type(item).__name__.lower()}-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Document | NewsItem) -> datetime.datetime:
        if item.published_at:
            return item.published_at
        issued = getattr(item, "issued_on", None) or timezone.localdate()
        return datetime.datetime.combine(issued, datetime.time(0), tzinfo=datetime.UTC)

    def item_updateddate(self, item: Document | NewsItem) -> datetime.datetime:
        return self.item_pubdate(item)
