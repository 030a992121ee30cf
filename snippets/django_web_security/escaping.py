"""XSS defences that need no settings and no server: run at build time."""

# --8<-- [start:escaping]
from django.template import Context, Engine
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe

name = '<img src=x onerror="steal()">'  # what a user typed
page = Engine().from_string("{{ name }}\n{{ name|safe }}")
print(page.render(Context({"name": name})))
print(format_html("<b>{}</b>", name))  # the arguments are escaped
print(format_html("<b>{}</b>", mark_safe(name)))  # the failure
print(json_script({"name": "</script><script>steal()"}, "data"))
# --8<-- [end:escaping]
