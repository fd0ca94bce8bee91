/**
 * The table the peer tools (CooRTweet, the QUT toolkit) see, derived from a Chorus case: one row per trace of one
 * kind, with string identities as an exported CSV would carry them. Shared by the compatibility layers
 * (coortweet-compat.ts, qut-compat.ts) so both read the store the same way.
 */

/**
 * SQL selecting, for traces of kind `$kind`: `rec`, `ts_ms`, `obj_key` (the integer object), `account_id` (the
 * platform's account id), `post_id`, and `object_id` — the object's value without its `platform:` prefix when the
 * prefix is the trace's own platform (so a share's object is the parent post id, and URL values stay intact).
 * Use it as a subquery with a `kind` parameter.
 */
export const PEER_TRACE_ROWS_SQL = `SELECT t.rec, t.ts_ms, t.object AS obj_key, ad.account_id, p.post_id,
         CASE WHEN starts_with(od.value, ad.platform || ':') THEN substr(od.value, length(ad.platform) + 2)
              ELSE od.value END AS object_id
       FROM traces t
       JOIN account_dict ad ON ad.account = t.account
       JOIN object_dict od ON od.object = t.object
       JOIN posts p ON p.rec = t.rec
       WHERE t.kind = $kind`;
