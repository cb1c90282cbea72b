"""A score is shown back as a person writes it, in Persian digits (issue 14), and read back the same."""

from decimal import Decimal

from django import forms

from records.evaluation.forms import ScoreField


class ScoreForm(forms.Form):
    score = ScoreField(label="امتیاز", required=False)


def test_a_stored_score_is_shown_in_persian_digits_without_trailing_zeros():
    assert 'value="۱۵"' in str(ScoreForm(initial={"score": Decimal("15.00")})["score"])
    assert 'value="۱۲٫۵"' in str(ScoreForm(initial={"score": Decimal("12.50")})["score"])


def test_what_is_shown_reads_back_as_the_same_score():
    shown = ScoreField().prepare_value(Decimal("12.50"))
    form = ScoreForm(data={"score": shown})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["score"] == Decimal("12.5")


def test_a_score_typed_back_wrong_is_shown_as_typed():
    form = ScoreForm(data={"score": "دوازده"})
    assert not form.is_valid()
    assert 'value="دوازده"' in str(form["score"])
