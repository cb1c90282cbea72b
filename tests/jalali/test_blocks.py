"""JalaliDateBlock: StreamField dates edited as Jalali and stored as ISO Gregorian."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder

from jalali.blocks import JalaliDateBlock, JalaliDateTimeBlock
from jalali.widgets import JalaliDateInput, JalaliDateTimeInput

UTC = datetime.UTC


def test_the_date_block_reads_jalali_and_stores_iso():
    block = JalaliDateBlock()
    value = block.clean(block.value_from_datadict({"deadline": "۹۸/۰۲/۱۰"}, {}, "deadline"))
    assert value == datetime.date(2019, 4, 30)
    assert json.dumps(block.get_prep_value(value), cls=DjangoJSONEncoder) == '"2019-04-30"'
    assert block.to_python("2019-04-30") == value


def test_the_date_block_shows_its_value_as_jalali_in_the_editor():
    block = JalaliDateBlock()
    assert block.get_form_state(datetime.date(2019, 4, 30)) == "۱۳۹۸/۰۲/۱۰"
    assert type(block.field.widget) is JalaliDateInput


def test_the_date_block_refuses_an_impossible_date_in_persian():
    block = JalaliDateBlock()
    with pytest.raises(ValidationError) as caught:
        block.clean("1398/12/30")
    assert "کبیسه نیست" in caught.value.messages[0]


def test_the_date_time_block_reads_tehran_time():
    block = JalaliDateTimeBlock()
    value = block.clean("۱۴۰۳/۰۵/۰۱ ۱۴:۳۰")
    assert value == datetime.datetime(2024, 7, 22, 11, 0, tzinfo=UTC)
    assert type(block.field.widget) is JalaliDateTimeInput
