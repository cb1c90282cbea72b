"""The Wagtail admin speaks Persian in the same face as the public site: Vazirmatn, served locally."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def vazirmatn_in_admin():
    """Load the local @font-face rules and make Vazirmatn the admin's sans-serif face."""
    return format_html(
        '<link rel="stylesheet" href="{}">'
        '<style>:root, :host {{ --w-font-sans: "Vazirmatn", Tahoma, system-ui, sans-serif; }}</style>',
        static("css/fonts.css"),
    )
