import { REDIS_INBOX_LUA, REDIS_OUTBOX_LUA } from '@rendezvous/platform';

const KEY_PREFIX = '{px}:';

/** The key that exists while a person is known to be deleted (`forget`); read by auth too. */
export const goneKey = (userId: string) => `${KEY_PREFIX}gone:${userId}`;

/**
 * Every change of proximity state in Redis is one run of this script, so it is atomic across
 * replicas; a change that emits an event appends it to the Redis Stream outbox in the same run.
 *
 * Keys share the `{px}` hash tag: `s:<token>` a live session (hash: owner, sid, exp, entries =
 * JSON [[hash, category], ...]), `u:<userId>` the person's live token, `live` session ids by
 * expiry (ms), `blk:<userId>` the people they blocked (`<version>:<1|0>`), `n:<sid>:<sid>` a
 * pair already nudged, `gone:<userId>` a deleted person. Session keys expire with the session.
 *
 * KEYS[1] = the outbox stream; ARGV[1] = command, ARGV[2..] = its arguments (see SessionStore).
 */
export const SESSION_LUA = `${REDIS_OUTBOX_LUA}${REDIS_INBOX_LUA}
local P = '${KEY_PREFIX}'
local STREAM = KEYS[1]
local CMD = ARGV[1]
local LIVE = P .. 'live'

local function skey(token) return P .. 's:' .. token end
local function ukey(user) return P .. 'u:' .. user end
local function bkey(user) return P .. 'blk:' .. user end
local function gkey(user) return P .. 'gone:' .. user end

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
elseif CMD == 'end' then
  return end_session(ARGV[2])
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
elseif CMD == 'active' then
  redis.call('ZREMRANGEBYSCORE', LIVE, '-inf', ARGV[2])
  return redis.call('ZCARD', LIVE)
end
return redis.error_reply('unknown command ' .. tostring(CMD))
`;
