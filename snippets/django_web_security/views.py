"""Views of the example project: each attack's target, unsafe and safe."""

from django.db import connection
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.template import engines
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

template = engines["django"].from_string


# --8<-- [start:csrf]
def token(request):
    from django.middleware.csrf import get_token

    return HttpResponse(get_token(request))  # and sets the csrftoken cookie


@require_POST
def transfer(request):  # CsrfViewMiddleware checks it first
    return HttpResponse(f"sent {request.POST['amount']} euros\n")


@csrf_exempt  # the failure: no token, no Origin check
@require_POST
def legacy_transfer(request):
    return HttpResponse(f"sent {request.POST['amount']} euros\n")


def csrf_failure(request, reason=""):  # settings.CSRF_FAILURE_VIEW
    return HttpResponseForbidden(f"CSRF failed: {reason}\n")


# --8<-- [end:csrf]


# --8<-- [start:xss]
def hello(request):  # autoescaping: < > & ' " become entities
    page = template("<p>Hello {{ name }}</p>\n")
    return HttpResponse(page.render({"name": request.GET["name"]}))


def hello_unsafe(request):  # the failure: |safe on user input
    page = template("<p>Hello {{ name|safe }}</p>\n")
    return HttpResponse(page.render({"name": request.GET["name"]}))


def profile(request):  # data for JavaScript, and HTML built in Python
    name = request.GET["name"]
    page = template("{{ data|json_script:'profile' }}\n{{ link }}\n")
    link = format_html('<a href="/u/{}/">{}</a>', name, name)
    return HttpResponse(page.render({"data": {"name": name}, "link": link}))


def content_security_policy(get_response):  # a middleware, in MIDDLEWARE
    def middleware(request):
        response = get_response(request)
        response["Content-Security-Policy"] = "script-src 'self'"
        return response

    return middleware


# --8<-- [end:xss]


# --8<-- [start:sql]
def search_unsafe(request):  # the failure: input pasted into the SQL
    name = request.GET["name"]
    sql = f"SELECT username FROM account WHERE username = '{name}'"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return HttpResponse(f"{[row[0] for row in rows]}\n")


def search(request):  # a parameter: the driver sends it as a value
    sql = "SELECT username FROM account WHERE username = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [request.GET["name"]])
        rows = cursor.fetchall()
    return HttpResponse(f"{[row[0] for row in rows]}\n")


# --8<-- [end:sql]


# --8<-- [start:cors]
def balance(request):  # read cross-origin by https://app.example
    return JsonResponse({"balance": 100})


# --8<-- [end:cors]
