"""Settings driven by environment variables, so one module serves the demo, the tests and production.

SAKIP_DATA_DIR   where the SQLite file and uploads live (default ./var)
DATABASE_URL     e.g. postgres://user@127.0.0.1:5432/sakip (default: SQLite file in SAKIP_DATA_DIR)
SECRET_KEY       required when DEBUG is off
DEBUG            "1" to enable (the demo turns it on)
ALLOWED_HOSTS    comma-separated

Production (see README, "Production"):
SAKIP_REQUIRE_SECRET   "1": refuse to start without SECRET_KEY
SAKIP_HTTPS            "1": served over HTTPS only (secure cookies, redirect to https, HSTS)
SAKIP_HSTS_SECONDS     HSTS max-age when SAKIP_HTTPS=1 (default one year)
SAKIP_HSTS_PRELOAD     "1": ask browsers to preload HSTS for the domain (hard to undo)
SAKIP_PROXY_COUNT      number of reverse proxies in front (trust that many X-Forwarded-For entries)
CSRF_TRUSTED_ORIGINS   comma-separated, e.g. https://sakip.jemberkab.go.id
SAKIP_LOGIN_ATTEMPTS   failed logins (per user name and address) before lock-out (default 5)
SAKIP_LOCKOUT_MINUTES  how long a lock-out lasts (default 15)
SAKIP_SESSION_HOURS    a login lasts this long (default 8)
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SAKIP_DATA_DIR", Path.cwd() / "var")).resolve()

DEBUG = os.environ.get("DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.environ.get("SAKIP_REQUIRE_SECRET", "0") == "1":
        raise RuntimeError("SECRET_KEY must be set in production")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules",
    "axes",
    "sakip.accounts",
    "sakip.organisation",
    "sakip.planning",
    "sakip.measurement",
    "sakip.skm",
    "sakip.reporting",
    "sakip.review",
    "sakip.dashboard",  # pemda and agency dashboards, public transparency page
    "sakip.interchange",
    "auditlog",  # last: the apps' own pre_save checks (frozen years) run before an update is logged
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "sakip.accounts.middleware.AuditMiddleware",
    "sakip.accounts.middleware.FrozenDataMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sakip.urls"
WSGI_APPLICATION = "sakip.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sakip.accounts.context_processors.workspace",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite file lives here
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'sakip.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True  # a request that fails changes nothing
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]  # site-wide: the stylesheet and htmx
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))

# --- Login, roles and security ---------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user before checking the password
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = int(os.environ.get("SAKIP_SESSION_HOURS", "8")) * 3600
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # forms and HTMX send the token from the page, never read from the cookie
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
CSRF_FAILURE_VIEW = "sakip.accounts.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"

HTTPS = os.environ.get("SAKIP_HTTPS", "0") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SAKIP_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and os.environ.get("SAKIP_HSTS_PRELOAD", "0") == "1"  # hard to undo: opt in
PROXY_COUNT = int(os.environ.get("SAKIP_PROXY_COUNT", "0"))
if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Scripts, styles, fonts and images from this site only (htmx is served as a static file).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

AXES_FAILURE_LIMIT = int(os.environ.get("SAKIP_LOGIN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SAKIP_LOCKOUT_MINUTES", "15")))
# Per user name *and* address: one office behind one NAT address is not locked out by one colleague,
# and nobody can lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/terkunci.html"
AXES_CLIENT_IP_CALLABLE = "sakip.accounts.network.client_ip"
AXES_VERBOSE = False

# Audit trail: every model of every app, except logs and session bookkeeping.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "admin",
    "auditlog",
    "axes",
    "contenttypes",
    "sessions",
    "auth.permission",
)
# Many-to-many fields are tracked too; a user's password is masked and log-in times left out.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {"model": "auth.user", "mask_fields": ["password"], "exclude_fields": ["last_login"], "m2m_fields": {"groups"}},
)
AUDITLOG_USE_FK_STRING_REPRESENTATION = True
