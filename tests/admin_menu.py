"""The admin menu as Wagtail hands it to its React sidebar: every address in it, submenus included."""


def menu_urls(node, found: list[str]) -> list[str]:
    """Every admin address in the sidebar's props (``#wagtail-sidebar-props``), in document order."""
    if isinstance(node, dict):
        if isinstance(node.get("url"), str) and node["url"].startswith("/admin/"):
            found.append(node["url"])
        for value in node.values():
            menu_urls(value, found)
    elif isinstance(node, list):
        for value in node:
            menu_urls(value, found)
    return found
