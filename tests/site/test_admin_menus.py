"""Every role's admin menu offers only screens the role may open (issue 14): no item leads to «اجازه ندارید»."""

import json
import re

import pytest

from accounts.roles import Role
from tests.admin_menu import menu_urls
from tests.factories import person, site_tree

pytestmark = pytest.mark.django_db

SIDEBAR = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S)


@pytest.mark.parametrize("role", [*Role, None], ids=lambda r: r.name if r else "no_role")
def test_each_menu_item_opens_for_the_role_that_sees_it(client, role):
    site_tree()
    client.force_login(person(f"u_{role.name if role else 'none'}", role))
    home = client.get("/admin/")
    if home.status_code != 200:
        assert role is None  # a user with no role is not let into the admin at all
        return
    urls = sorted(set(menu_urls(json.loads(SIDEBAR.search(home.content.decode()).group(1)), [])))
    assert urls
    refused = [url for url in urls if client.get(url).status_code in (302, 403)]
    assert not refused, f"{role}: the menu offers screens that refuse: {refused}"
