"""examples/python/dask_attainment.py on a small LocalCluster of worker processes: due times
and attainment computed on the cluster equal the single-process results exactly."""

from __future__ import annotations

import sys

import dask.distributed as distributed
import pandas as pd

from conftest import ROOT

sys.path.insert(0, str(ROOT / "examples" / "python"))


def test_the_cluster_computes_what_one_process_computes():
    import dask_attainment

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        cluster_table, single_table, due_agrees = dask_attainment.run(client, tickets=400, partitions=6)
    assert due_agrees
    assert cluster_table["decided"].sum() > 1200
    pd.testing.assert_frame_equal(cluster_table, single_table, check_categorical=False)
