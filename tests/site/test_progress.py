"""The one progress bar of the long commands (sanad.progress): a line every tenth on a log, redrawn in
place on a terminal, and usable as a service's ``progress(done, total)`` callback."""

import io

from sanad.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_log_it_writes_one_line_per_tenth_and_ends_at_the_total():
    log = io.StringIO()
    bar = Progress(log, label="وارسی")
    for done in range(1, 101):
        bar(done, 100)
    lines = log.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[-1].endswith("100/100") and lines[-1].startswith("وارسی")
    assert "#" * 30 in lines[-1] and "15/100" not in log.getvalue()


def test_on_a_terminal_it_redraws_one_line_in_place():
    screen = Terminal()
    bar = Progress(screen, label="ورود")
    bar.start("ورود", 3)
    for _ in range(3):
        bar.advance()
    bar.finish()
    text = screen.getvalue()
    assert text.startswith("\r") and text.endswith("3/3\n") and text.count("\n") == 1


def test_as_a_callback_a_second_pass_starts_the_bar_again():
    log = io.StringIO()
    bar = Progress(log)
    for done in (1, 2):
        bar(done, 2)
    for done in (1, 2, 3, 4):
        bar(done, 4)
    assert log.getvalue().splitlines()[-1].endswith("4/4")
    assert "2/2" in log.getvalue()


def test_switched_off_it_writes_nothing():
    log = io.StringIO()
    bar = Progress(log, enabled=False)
    for done in range(1, 11):
        bar(done, 10)
    assert log.getvalue() == ""
