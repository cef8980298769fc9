"""Realistic demo data: an archive of reports, their translations and meeting summaries.

`writing.generate(n, seed=...)` adds `n` articles to the database with everything around
them: outlets, states, ministries, UN bodies and ombudsman institutions, fictional people
in dated posts, topics, translation groups, and the desk's meeting summaries with their
participants and the reports covering them. It is for benchmarks and manual testing; the
`generate_demo_data` command runs it.

The data are in `places`, `bodies`, `names`, `outlets` and `texts`; the code is in `world`
(who and what the stories are about), `stories` (planning them), `rendering` (their texts)
and `writing` (the rows).

How it works:

- Everything random comes from one `random.Random(seed)` and fixed dates, so the same
  seed and `n` on an empty database give the same titles, slugs, dates and links.
  Scheduled articles are dated 2099, in the future whenever the data is made.
- A run first plans its stories (a meeting reported by one to three outlets, each
  report with its translations), then renders and writes them a chunk at a time: bulk
  inserts in one transaction per chunk, then the chunk's search documents.
- Each report is rendered from a language-independent plan (which sentences, in which
  paragraphs), so a translation says what its source says, in its own language.
- The people are fictional; the outlets and organizations are real ones. Reference
  rows (outlets, organizations, people, posts, topics) are reused when a row with the
  same slug exists, so runs add to each other and to the seed fixture.
- Article and meeting slugs end with `-d<number>`, numbered on from the highest such
  number in the database, so they never clash.
- Rows are bulk-inserted: no signals are sent and no history records are made. So
  the run builds the new items' search documents itself, and marks the public content
  changed once at the end (see `core.caching`).
"""
