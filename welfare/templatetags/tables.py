"""``{% table_region label %}…{% endtable_region %}``: the one wrapper of every data table.

A table wider than a phone scrolls inside this region instead of pushing the page sideways
(WCAG 1.4.10). The keyboard must reach what scrolls (axe ``scrollable-region-focusable``), so the
region is a tab stop, and a tab stop needs a name: ``label`` gives it, read as a region's name.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


class TableRegionNode(template.Node):
    def __init__(self, nodelist, label, extra_class):
        self.nodelist = nodelist
        self.label = label
        self.extra_class = extra_class

    def render(self, context):
        extra = self.extra_class.resolve(context) if self.extra_class else ""
        return format_html(
            '<div class="table-responsive table-region{}" tabindex="0" role="region"'
            ' aria-label="{}">{}</div>',
            f" {extra}" if extra else "",
            self.label.resolve(context),
            self.nodelist.render(context),
        )


@register.tag
def table_region(parser, token):
    """``{% table_region label [extra_class] %}``: label and classes are template expressions."""
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(
            "{% table_region label [extra_class] %} takes one or two arguments"
        )
    nodelist = parser.parse(("endtable_region",))
    parser.delete_first_token()
    label = parser.compile_filter(bits[1])
    extra_class = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return TableRegionNode(nodelist, label, extra_class)
