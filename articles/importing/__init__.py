"""The import service: press releases (articles.seedformat) to linked, published articles.

One `Importer` per run loads what it matches against once (aliases, media agencies, sections) and then
imports files in chunks. Each file is all-or-nothing: new articles of a chunk are written together with
bulk inserts in one transaction, and if that transaction fails, the chunk is written again file by file,
each in its own transaction, so one bad file never takes the others with it and never leaves half an
article behind. Nothing a parser can catch reaches the database: bad files fail before any write.

Idempotency: an article remembers the item it came from (`external_id`: the header's `id`, or the file
name), the hash of the imported bytes, and `imported_at`, set equal to `updated_at` by the importer. An
editor's save moves `updated_at` on, which is how "edited since import" is told apart.

What else a release carries (its readers' comments, say) is handed to the apps registered in
`articles.extensions.import_hooks`.

Modules: `results` (what goes in and comes out), `importer` (the flow), `documents` (body and search
text built from a release), `links` (the bulk insert of mention links), `paste` (a release pasted into
the admin: a dry-run preview, then a draft), `reasons` (the importer's reasons, translated for editors).
"""

from articles.importing.documents import body_html
from articles.importing.importer import Importer
from articles.importing.results import Options, Outcome, Result, Source

__all__ = ["Importer", "Options", "Outcome", "Result", "Source", "body_html"]
