"""The claims table, declared once: earlier claims per claim key, in core.store's segmented layout
(a small head under the claim key, the claims in segments under "<key>#<n>", all JSON).

Co-partitioned with the `claims` topic (same partition count; the detect agent writes the keys of a claim
key only while processing a message of that key's partition). Its changelog topic is compacted and created
explicitly by `topics.create_topics`; a worker that loses its local RocksDB directory rebuilds the
table from that changelog.
"""

from __future__ import annotations

import faust

from .settings import Settings
from .topics import TABLE_NAME

#: RocksDB per-partition sizes: faust's defaults (2 GiB block cache, 64 MiB write buffer per partition
#: and table) are far too large for small pods.
ROCKSDB_OPTIONS = {
    "block_cache_size": 16 * 1024**2,
    "block_cache_compressed_size": 0,
    "write_buffer_size": 8 * 1024**2,
    "max_write_buffer_number": 2,
}


def declare_claims_table(app: faust.App, settings: Settings) -> faust.Table:
    return app.Table(
        TABLE_NAME,
        default=list,
        partitions=settings.partitions,
        key_type=str,  # keys and values are JSON in the changelog (faust picks json for str/None)
        options=dict(ROCKSDB_OPTIONS) if settings.store == "rocksdb" else None,
        help="claim key -> bounded list of earlier claims (JSON), see streams.core.store",
    )
