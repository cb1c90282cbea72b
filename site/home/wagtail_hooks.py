"""The Wagtail admin speaks Persian in the same face as the public site: Vazirmatn, served locally."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.admin.ui.sidebar import SubMenuItem as SubMenuItemComponent


@hooks.register("insert_global_admin_css")
def vazirmatn_in_admin():
    """Load the local @font-face rules and make Vazirmatn the admin's sans-serif face."""
    return format_html(
        '<link rel="stylesheet" href="{}">'
        '<style>:root, :host {{ --w-font-sans: "Vazirmatn", Tahoma, system-ui, sans-serif; }}'
        # Status pills and short codes («در توقیف», «س-ا-۰۱») read as one piece, never on two lines.
        ".w-status, .listing td.nowrap {{ white-space: nowrap; }}</style>",
        static("css/fonts.css"),
    )


@hooks.register("construct_help_menu")
def persian_help_menu(request, items):
    """The help menu names the system, not Wagtail and its version (issue 14): Wagtail's release notes go,
    and its editor guide, which is in English, says so."""
    items[:] = [item for item in items if not item.name.startswith("whats-new-in-wagtail")]
    for item in items:
        if item.name == "editor-guide":
            item.label = "راهنمای ویرایش صفحه‌ها (به انگلیسی)"


class SettingsMenuItem(SubmenuMenuItem):
    """Wagtail's settings menu with the system's name in its footer, not «Wagtail v8.0.1»."""

    def render_component(self, request):
        return SubMenuItemComponent(
            self.name,
            self.label,
            self.menu.render_component(request),
            icon_name=self.icon_name,
            classname=self.classname,
            footer_text="سند",
        )


@hooks.register("construct_main_menu")
def settings_footer_without_wagtail(request, items):
    for index, item in enumerate(items):
        if item.name == "settings" and isinstance(item, SubmenuMenuItem):
            items[index] = SettingsMenuItem(
                item.label,
                item.menu,
                name=item.name,
                icon_name=item.icon_name,
                classname=item.classname,
                order=item.order,
            )
