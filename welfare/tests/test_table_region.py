from pathlib import Path

from django.conf import settings
from django.template import Context, Template


def render(source, **context):
    return Template("{% load tables %}" + source).render(Context(context))


def test_a_table_region_is_a_named_tab_stop_around_its_table():
    html = render('{% table_region _("Mesures") %}<table></table>{% endtable_region %}')
    assert html == (
        '<div class="table-responsive table-region" tabindex="0" role="region"'
        ' aria-label="Mesures"><table></table></div>'
    )


def test_its_name_is_escaped_and_it_takes_extra_classes():
    html = render("{% table_region title 'mb-4' %}{% endtable_region %}", title='"A" & <b>')
    assert 'class="table-responsive table-region mb-4"' in html
    assert 'aria-label="&quot;A&quot; &amp; &lt;b&gt;"' in html


def test_every_data_table_of_the_pages_is_in_a_region():
    # A table outside a region pushes a phone's page sideways; PDF templates are not on screens.
    templates = Path(settings.BASE_DIR) / "templates"
    for path in templates.rglob("*.html"):
        if path.parts[len(templates.parts)] == "pdf":
            continue
        text = path.read_text()
        assert 'class="table-responsive' not in text, path
        # The dashboard's table is wrapped where it is included.
        tables = text.count("<table") + text.count('include "observatory/_table.html"')
        if path.name != "_table.html":
            assert tables == text.count("{% table_region"), path
