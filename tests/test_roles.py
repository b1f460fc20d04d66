"""Roles of people from the words around their names."""

from __future__ import annotations


def _roles(article) -> dict[str, list[str]]:
    return {e.name: e.roles for e in article.entities if e.type == "PERSON"}


def test_the_first_of_two_names_is_not_the_second_ones_title(analyze_text):
    roles = _roles(analyze_text("Union leader Mara Holt and Senator Tom Brandt met the strikers on Monday."))
    assert roles["Tom Brandt"] == ["Senator"] and roles["Mara Holt"] == ["Union leader"]
    roles = _roles(analyze_text("Opposition leaders Prince Tevo Ranald and Sam Koy said they could not return."))
    assert not any("and" in r.split() for r in roles.get("Sam Koy", []))


def test_a_title_with_and_in_it_stays_whole(analyze_text):
    roles = _roles(analyze_text("Health and Human Services Secretary Alex Moreau said the plan would work."))
    assert roles["Alex Moreau"] == ["Health and Human Services Secretary"]


def test_a_role_before_the_name_keeps_what_it_heads_and_drops_judging_words(analyze_text):
    roles = _roles(
        analyze_text(
            "The head of the Oskian armed forces, Gen. Mario Hung Pacheco, said 5,000 soldiers were ready. "
            "The embattled President Ivo Darr left the capital. The chief of the port, Tom Vell, resigned."
        )
    )
    assert roles["Mario Hung Pacheco"] == ["head of the Oskian armed forces"]
    assert roles["Tom Vell"] == ["chief of the port"]
    assert roles["Ivo Darr"] == ["President"]
