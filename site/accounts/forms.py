"""The admin's log-in form, with every label in Persian (issue 14).

Wagtail's form gives the password field no label, so Django makes one from the field's name: «Password»
in English. ``WAGTAILADMIN_USER_LOGIN_FORM`` points Wagtail at this subclass."""

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "رمز عبور"
