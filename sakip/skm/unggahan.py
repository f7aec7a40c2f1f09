"""An uploaded survey file, kept between the upload and the confirmation of its column mapping.

The file stays on the server, `MEDIA_ROOT/skm-impor/<token>/<its own name>`, rather than being
sent again with the mapping as hidden fields: a browser cannot re-attach a chosen file to the
next form (the operator would have to pick it again), and a Google Forms export can be several
megabytes. Its own name is kept so every problem names the file the operator knows. The token
is random and recorded in the uploader's session together with the survey, so no other user
and no other survey can use it. A confirmed or cancelled upload is removed at once; forgotten
ones are removed at a later upload once older than `UMUR` seconds. MEDIA_ROOT is not served."""

import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

FOLDER = "skm-impor"
UMUR = 24 * 3600
SESSION_KEY = "skm_impor"


def _akar() -> Path:
    return Path(settings.MEDIA_ROOT) / FOLDER


def simpan(request, survei, berkas) -> tuple[str, Path]:
    """Store the upload for `survei`; returns its token and path."""
    _bersihkan()
    token = secrets.token_urlsafe(16)
    folder = _akar() / token
    folder.mkdir(parents=True)
    path = folder / Path(berkas.name).name  # Django keeps only the base name; the form checked its suffix
    with path.open("wb") as f:
        for chunk in berkas.chunks():
            f.write(chunk)
    simpanan = {t: d for t, d in request.session.get(SESSION_KEY, {}).items() if time.time() - d["waktu"] <= UMUR}
    simpanan[token] = {"survei": survei.pk, "waktu": time.time()}
    request.session[SESSION_KEY] = simpanan
    request.session.modified = True
    return token, path


def cari(request, survei, token: str) -> Path | None:
    """The file this user uploaded for this survey under `token`, or None (unknown or expired)."""
    data = request.session.get(SESSION_KEY, {}).get(token)
    if not data or data["survei"] != survei.pk or time.time() - data["waktu"] > UMUR:
        return None
    files = list((_akar() / token).glob("*"))
    return files[0] if len(files) == 1 else None


def hapus(request, token: str) -> None:
    """Forget an upload of this user's session and remove its file."""
    if request.session.get(SESSION_KEY, {}).pop(token, None) is not None:
        request.session.modified = True
        shutil.rmtree(_akar() / token, ignore_errors=True)


def _bersihkan() -> None:
    """Remove uploads older than UMUR (imports that were never confirmed nor cancelled)."""
    if not _akar().is_dir():
        return
    batas = time.time() - UMUR
    for folder in _akar().iterdir():
        if folder.is_dir() and folder.stat().st_mtime < batas:
            shutil.rmtree(folder, ignore_errors=True)
