"""The assembled API: its OpenAPI document and the self-hosted documentation page."""

import re


def test_the_schema_is_openapi_3_with_bearer_auth_and_the_endpoints(client, db):
    body = client.get("/api/v1/schema/").json()
    assert body["openapi"].startswith("3.")
    assert body["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    assert {"/api/v1/directives/{directive_id}/progress", "/api/v1/meetings/", "/api/v1/documents/",
            "/api/v1/people/", "/api/v1/conclusions/", "/api/v1/meetings/{meeting_id}/conclusion",
            "/api/v1/meetings/{meeting_id}/agenda", "/api/v1/meetings/{meeting_id}/attendance",
            "/api/v1/meetings/{meeting_id}/state", "/api/v1/reports/{report_id}/submit"} <= set(body["paths"])
    writes = {path: set(ops) for path, ops in body["paths"].items()}
    assert writes["/api/v1/meetings/"] == {"get", "post"} and writes["/api/v1/reports/{report_id}/"] == {"get", "patch"}
    assert "409" in body["paths"]["/api/v1/meetings/{meeting_id}/agenda"]["put"]["responses"]


def test_the_docs_page_loads_its_scripts_from_our_own_static_files_without_inline_code(client, db):
    response = client.get("/api/v1/docs/")
    page = response.content.decode()
    assert response.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/static/") for s in sources), sources
    # The only <script> without src is JSON data, which a browser never runs.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert all('type="application/json"' in attrs for attrs in inline)
    assert "unsafe-inline" not in response.get("Content-Security-Policy", "")
