import {
  REDIS_INBOX_LUA,
  REDIS_OUTBOX_LUA,
  REDIS_STATE_LOST,
  REDIS_STATE_LUA,
} from '@rendezvous/platform';

const KEY_PREFIX = '{px}:';

/**
 * Every change of proximity state in Redis is one run of this script, so it is atomic across
 * replicas; a change that emits an event appends it to the Redis Stream outbox in the same run.
 *
 * Keys share the `{px}` hash tag: `s:<token>` a live session (hash: owner, sid, exp, entries =
 * JSON [[hash, category], ...]), `u:<userId>` the person's live token, `live` session ids by
 * expiry (ms), `blk:<userId>` the people they blocked (`<version>:<1|0>`), `n:<sid>:<sid>` a
 * pair already nudged, `gone:<userId>` a deleted person. Session keys expire with the session.
 *
 * KEYS[1] = the outbox stream, KEYS[2] = the state guard's marker: while it is missing Redis has
 * lost sessions, blocks and tombstones, and every command but the rebuild's own and `block` refuses with
 * `state-lost`. ARGV[1] = command, ARGV[2..] = its arguments (see SessionStore).
 */
export const SESSION_LUA = `${REDIS_OUTBOX_LUA}${REDIS_INBOX_LUA}${REDIS_STATE_LUA}
local P = '${KEY_PREFIX}'
local STREAM = KEYS[1]
local CMD = ARGV[1]
local LIVE = P .. 'live'

-- The rebuild writes and reads while the marker is missing, and a block is copied whenever it
-- comes (newer version wins; one a flush takes was committed in Postgres first, so the rebuild
-- reads it): refusing it would leave the rebuilt copy without it until the event's retry.
if CMD ~= 'restore' and CMD ~= 'present' and CMD ~= 'block' and not state_intact(KEYS[2]) then
  return '${REDIS_STATE_LOST}'
end

local function skey(token) return P .. 's:' .. token end
local function ukey(user) return P .. 'u:' .. user end
local function bkey(user) return P .. 'blk:' .. user end
local function gkey(user) return P .. 'gone:' .. user end

local function live_sid(user)
  local token = redis.call('GET', ukey(user))
  if not token then return false end
  return redis.call('HGET', skey(token), 'sid')
end

local function end_session(user)
  local token = redis.call('GET', ukey(user))
  if not token then return 0 end
  local sid = redis.call('HGET', skey(token), 'sid')
  redis.call('DEL', skey(token), ukey(user))
  if sid then redis.call('ZREM', LIVE, sid) end
  return 1
end

local function is_blocking(a, b)
  local state = redis.call('HGET', bkey(a), b)
  return state and string.sub(state, -2) == ':1'
end

local function session(token)
  local f = redis.call('HMGET', skey(token), 'owner', 'sid', 'exp', 'entries')
  if not f[1] then return false end
  return { owner = f[1], sid = f[2], exp = f[3], entries = f[4] }
end

if CMD == 'start' then
  local user, token, sid, exp, entries, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
  if redis.call('EXISTS', gkey(user)) == 1 then return 'gone' end
  local holder = redis.call('HGET', skey(token), 'owner')
  if holder and holder ~= user then return 'taken' end
  end_session(user)
  redis.call('HSET', skey(token), 'owner', user, 'sid', sid, 'exp', exp, 'entries', entries,
    'started', now)
  redis.call('PEXPIREAT', skey(token), exp)
  redis.call('SET', ukey(user), token, 'PXAT', exp)
  redis.call('ZREMRANGEBYSCORE', LIVE, '-inf', now)
  redis.call('ZADD', LIVE, exp, sid)
  outbox_append(STREAM, ARGV[8], ARGV[9], ARGV[10], ARGV[11])
  return 'ok'
elseif CMD == 'live' then
  return live_sid(ARGV[2])
elseif CMD == 'end' then
  -- ARGV[3], when given, is the session the caller saw: ended (and its event appended,
  -- ARGV[4..7]) only if it is still the live one, else 'changed'.
  local user, expected = ARGV[2], ARGV[3]
  if expected then
    if live_sid(user) ~= expected then return 'changed' end
    end_session(user)
    outbox_append(STREAM, ARGV[4], ARGV[5], ARGV[6], ARGV[7])
    return 1
  end
  return end_session(user)
elseif CMD == 'mine' then
  -- The person's live session as JSON, for their data export; nil when they have none.
  local token = redis.call('GET', ukey(ARGV[2]))
  if not token then return false end
  local f = redis.call('HMGET', skey(token), 'sid', 'exp', 'entries', 'started')
  if not f[1] then return false end
  return cjson.encode({ sid = f[1], exp = f[2], entries = f[3], started = f[4] })
elseif CMD == 'look' then
  return cjson.encode({ own = session(ARGV[2]), other = session(ARGV[3]) })
elseif CMD == 'nudge' then
  local own_token, own_sid, other_token, other_sid = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
  local own, other = session(own_token), session(other_token)
  -- Both sessions must still be the ones compared; a replaced or ended one nudges nobody.
  if not own or not other or own.sid ~= own_sid or other.sid ~= other_sid then return 'gone' end
  if is_blocking(own.owner, other.owner) or is_blocking(other.owner, own.owner) then
    return 'blocked'
  end
  local first, second = own_sid, other_sid
  if second < first then first, second = second, first end
  local until_ms = own.exp
  if tonumber(other.exp) > tonumber(own.exp) then until_ms = other.exp end
  -- Whoever reports first sets the mark; every later report of the pair finds it.
  if not redis.call('SET', P .. 'n:' .. first .. ':' .. second, '1', 'NX', 'PXAT', until_ms) then
    return 'seen'
  end
  outbox_append(STREAM, ARGV[6], ARGV[7], ARGV[8], ARGV[9])
  return 'sent'
elseif CMD == 'forget' then
  local inbox, ttl, user, gone_ttl = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
  if inbox_seen(inbox) then return 'duplicate' end
  end_session(user)
  redis.call('DEL', bkey(user))
  redis.call('SET', gkey(user), '1', 'EX', gone_ttl)
  inbox_mark(inbox, ttl)
  return 'ok'
elseif CMD == 'block' then
  local inbox, ttl, blocker, blocked, version, active = ARGV[2], ARGV[3], ARGV[4], ARGV[5],
    tonumber(ARGV[6]), ARGV[7]
  if inbox_seen(inbox) then return 'duplicate' end
  -- user.blocked and user.unblocked travel on different topics: the newer version wins.
  if redis.call('EXISTS', gkey(blocker)) == 0 then
    local state = redis.call('HGET', bkey(blocker), blocked)
    local known = state and tonumber(string.match(state, '^(%d+)')) or -1
    if version > known then
      redis.call('HSET', bkey(blocker), blocked, version .. ':' .. active)
    end
  end
  inbox_mark(inbox, ttl)
  return 'ok'
elseif CMD == 'restore' then
  -- ARGV[2] = JSON [[blocker, blocked, version, '1' | '0'], ...], ARGV[3] = JSON [deleted ids],
  -- ARGV[4] = how long a tombstone lasts (s): from Postgres, newer block versions winning.
  for _, b in ipairs(cjson.decode(ARGV[2])) do
    local state = redis.call('HGET', bkey(b[1]), b[2])
    local known = state and tonumber(string.match(state, '^(%d+)')) or -1
    if tonumber(b[3]) > known then redis.call('HSET', bkey(b[1]), b[2], b[3] .. ':' .. b[4]) end
  end
  for _, user in ipairs(cjson.decode(ARGV[3])) do
    redis.call('SET', gkey(user), '1', 'EX', ARGV[4])
  end
  return 'ok'
elseif CMD == 'present' then
  -- ARGV[2] = JSON [[userId, sessionId], ...]: the session ids Redis still holds as live.
  local held = {}
  for _, s in ipairs(cjson.decode(ARGV[2])) do
    if live_sid(s[1]) == s[2] then held[#held + 1] = s[2] end
  end
  return cjson.encode(held)
elseif CMD == 'active' then
  redis.call('ZREMRANGEBYSCORE', LIVE, '-inf', ARGV[2])
  return redis.call('ZCARD', LIVE)
end
return redis.error_reply('unknown command ' .. tostring(CMD))
`;
