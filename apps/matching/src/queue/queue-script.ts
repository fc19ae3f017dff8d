import { REDIS_STATE_LOST, REDIS_STATE_LUA } from '@rendezvous/platform';

/**
 * Every change of queue state is one run of this script, so it is atomic across any number of
 * matching replicas, and each change appends its event to the Redis Stream outbox in the same
 * run. Time is Redis's own clock (TIME), one clock for all replicas.
 *
 * KEYS[1] = the outbox stream, KEYS[2] = the state guard's marker: while it is missing Redis has
 * lost the queue (blocks included) and every command but the rebuild's own and `block` refuses with
 * `state-lost`. All queue keys share the `{mq}` hash tag.
 * ARGV[1] = command, ARGV[2] = a fresh UUID (event ids and new ids derive from it),
 * ARGV[3] = the envelope stub JSON (`envelopeStub` in the platform: source, trace, each topic's
 * schemaVersion, headers), ARGV[4] = unused, ARGV[5] = settings JSON, ARGV[6..] = command args.
 * Returns a JSON string.
 */
export const QUEUE_LUA = `${REDIS_STATE_LUA}
local P = '{mq}:'
local STREAM = KEYS[1]
local CMD = ARGV[1]
-- The rebuild writes and reads while the marker is missing, and a block is copied whenever it
-- comes (newer version wins; one a flush takes was committed in Postgres first, so the rebuild
-- reads it): refusing it would leave the rebuilt copy without it until the event's retry.
if CMD ~= 'restore' and CMD ~= 'present' and CMD ~= 'block' and not state_intact(KEYS[2]) then
  return '${REDIS_STATE_LOST}'
end
local BASE = ARGV[2]
local STUB = cjson.decode(ARGV[3])
local S = cjson.decode(ARGV[5])
local t = redis.call('TIME')
local NOW = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local counter = 0
-- Unique ids derived from the random UUID this run was given: same format, last 4 hex digits
-- replaced by a counter (the version and variant digits stay as they were).
local function next_id()
  counter = counter + 1
  return string.sub(BASE, 1, 32) .. string.format('%04x', counter)
end

local function iso(ms)
  local secs = math.floor(ms / 1000)
  local millis = ms - secs * 1000
  local days = math.floor(secs / 86400)
  local rem = secs - days * 86400
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return string.format('%04d-%02d-%02dT%02d:%02d:%02d.%03dZ', y, m, d,
    math.floor(rem / 3600), math.floor((rem % 3600) / 60), rem % 60, millis)
end

-- cjson writes an empty table as {}; lists that may be empty are spliced in by hand.
local function json_list(items)
  local parts = {}
  for i, item in ipairs(items) do parts[i] = cjson.encode(item) end
  return '[' .. table.concat(parts, ',') .. ']'
end

-- The event's own fields; everything else comes from the stub TypeScript built.
local function emit(topic, aggregate_id, version, recipients, data, lists)
  local schema_version = STUB.schemaVersions[topic]
  if not schema_version then error('no schemaVersion for ' .. topic .. ' in the envelope stub') end
  local envelope = {
    id = next_id(), type = topic, schemaVersion = schema_version, occurredAt = iso(NOW),
    source = STUB.source, aggregateId = aggregate_id, aggregateVersion = version,
    correlationId = STUB.correlationId, causationId = STUB.causationId, data = data,
  }
  if recipients then envelope.recipientIds = recipients end
  local json = cjson.encode(envelope)
  for name, items in pairs(lists or {}) do
    json = string.gsub(json, '"@' .. name .. '@"', json_list(items))
  end
  local header_fields = { ['event-type'] = topic }
  for name, value in pairs(STUB.headers) do header_fields[name] = value end
  local headers = cjson.encode(header_fields)
  redis.call('XADD', STREAM, '*', 'topic', topic, 'key', aggregate_id, 'envelope', json,
    'headers', headers)
end

local function tkey(id) return P .. 't:' .. id end
local function mkey(id) return P .. 'm:' .. id end
local function ukey(id) return P .. 'u:' .. id end
local function bkey(topic, diff) return P .. 'b:' .. topic .. ':' .. diff end

local function ticket(id)
  local raw = redis.call('HGETALL', tkey(id))
  if #raw == 0 then return nil end
  local h = { id = id }
  for i = 1, #raw, 2 do h[raw[i]] = raw[i + 1] end
  h.enq = tonumber(h.enq); h.waited = tonumber(h.waited); h.since = tonumber(h.since)
  h.exp = tonumber(h.exp); h.v = tonumber(h.v)
  return h
end

local function pair(id)
  local raw = redis.call('HGETALL', mkey(id))
  if #raw == 0 then return nil end
  local h = { id = id }
  for i = 1, #raw, 2 do h[raw[i]] = raw[i + 1] end
  h.by = tonumber(h.by); h.v = tonumber(h.v)
  return h
end

local function bump(key)
  return redis.call('HINCRBY', key, 'v', 1)
end

local function view(h)
  return { ticketId = h.id, topic = h.topic, difficulty = h.diff, status = h.status,
    matchId = h.match ~= '' and h.match or nil, expiresAt = iso(h.exp), userId = h.user }
end

-- A ticket leaves the waiting structures (bucket, expiry and widening schedules).
local function unqueue(h)
  redis.call('ZREM', bkey(h.topic, h.diff), h.id)
  redis.call('ZREM', P .. 'exp', h.id)
  redis.call('ZREM', P .. 'wid', h.id)
end

-- A finished ticket stays readable for a while, then goes.
local function finish(h, status)
  unqueue(h)
  redis.call('HSET', tkey(h.id), 'status', status)
  bump(tkey(h.id))
  if redis.call('GET', ukey(h.user)) == h.id then redis.call('DEL', ukey(h.user)) end
  redis.call('EXPIRE', tkey(h.id), S.retention)
end

local function enqueue_existing(h, since)
  local exp = since + math.max(0, S.timeout - h.waited)
  redis.call('HSET', tkey(h.id), 'status', 'waiting', 'match', '', 'since', since, 'exp', exp)
  redis.call('ZADD', bkey(h.topic, h.diff), h.enq, h.id)
  redis.call('ZADD', P .. 'exp', exp, h.id)
  redis.call('ZADD', P .. 'wid', since + math.max(0, S.widen - h.waited), h.id)
  redis.call('SADD', P .. 'buckets', h.topic .. ':' .. h.diff)
end

local ADJACENT = { easy = { 'medium' }, medium = { 'easy', 'hard' }, hard = { 'medium' } }

local function waited(h) return h.waited + (NOW - h.since) end

-- bk:<a> maps each person a blocked or unblocked to '<version>:<1|0>' (the newer version wins,
-- whatever order user.blocked and user.unblocked arrive in); a block either way keeps two apart.
local function blocking(a, b)
  local state = redis.call('HGET', P .. 'bk:' .. a, b)
  return state and string.sub(state, -2) == ':1'
end

local function blocked(a, b)
  return blocking(a, b) or blocking(b, a)
end

local function set_block(a, b, version, active)
  local state = redis.call('HGET', P .. 'bk:' .. a, b)
  local known = state and tonumber(string.match(state, '^(%d+)')) or -1
  if version > known then redis.call('HSET', P .. 'bk:' .. a, b, version .. ':' .. active) end
end

-- The earliest-enqueued ticket this one may pair with now, or nil.
local function partner_for(h)
  local best = nil
  local widened = waited(h) >= S.widen
  local function scan(diff, exact)
    local ids = redis.call('ZRANGE', bkey(h.topic, diff), 0, S.depth - 1)
    for _, id in ipairs(ids) do
      if id ~= h.id then
        local other = ticket(id)
        if other and other.status == 'waiting' and other.user ~= h.user
          and not blocked(h.user, other.user)
          and (exact or widened or waited(other) >= S.widen) then
          if not best or other.enq < best.enq then best = other end
          return
        end
      end
    end
  end
  scan(h.diff, true)
  for _, diff in ipairs(ADJACENT[h.diff]) do scan(diff, false) end
  return best
end

local function try_pair(h)
  local other = partner_for(h)
  if not other then return nil end
  local older, newer = h, other
  if other.enq < h.enq then older, newer = other, h end
  local mid = next_id()
  local by = NOW + S.confirm
  redis.call('HSET', mkey(mid), 'ta', older.id, 'tb', newer.id, 'ua', older.user, 'ub', newer.user,
    'topic', h.topic, 'diff', newer.diff, 'status', 'pending', 'aa', '', 'ab', '', 'by', by,
    'session', '', 'v', 1)
  redis.call('ZADD', P .. 'cfm', by, mid)
  for _, x in ipairs({ older, newer }) do
    unqueue(x)
    redis.call('HSET', tkey(x.id), 'status', 'matched', 'match', mid, 'waited', waited(x))
    bump(tkey(x.id))
  end
  emit('queue.match_found', mid, 1, { older.user, newer.user }, {
    matchId = mid, userIds = { older.user, newer.user }, ticketIds = { older.id, newer.id },
    topic = h.topic, difficulty = newer.diff, confirmBy = iso(by),
  })
  return { matchId = mid, waits = { waited(older), waited(newer) } }
end

-- Ends a pending pair: the people in keep_users go back to waiting, the others are cancelled.
local function cancel_pair(m, reason, keep)
  redis.call('ZREM', P .. 'cfm', m.id)
  redis.call('HSET', mkey(m.id), 'status', 'cancelled', 'reason', reason)
  local version = bump(mkey(m.id))
  redis.call('EXPIRE', mkey(m.id), S.retention)
  local requeued = {}
  local paired = {}
  for _, id in ipairs({ m.ta, m.tb }) do
    local h = ticket(id)
    if h and h.status == 'matched' then
      if keep[h.user] then
        enqueue_existing(h, NOW)
        bump(tkey(h.id))
        requeued[#requeued + 1] = h.id
      else
        finish(h, 'cancelled')
      end
    end
  end
  emit('queue.match_cancelled', m.id, version, { m.ua, m.ub }, {
    matchId = m.id, userIds = { m.ua, m.ub }, reason = reason, requeuedTicketIds = '@requeued@',
  }, { requeued = requeued })
  -- Back at the front of their bucket: pair them at once if someone compatible is waiting.
  for _, id in ipairs(requeued) do
    local h = ticket(id)
    if h and h.status == 'waiting' then
      local found = try_pair(h)
      if found then paired[#paired + 1] = found end
    end
  end
  return requeued, paired
end

-- A person who can no longer take part (deleted, suspended, banned): their waiting ticket is
-- cancelled; a pending pair of theirs is cancelled and the partner goes back to waiting.
local function withdraw(user, reason)
  local id = redis.call('GET', ukey(user))
  if not id then return {} end
  local h = ticket(id)
  if h and h.status == 'waiting' then
    finish(h, 'cancelled')
    emit('queue.ticket_cancelled', id, h.v + 1, nil,
      { ticketId = id, userId = user, reason = reason })
  elseif h and h.status == 'matched' then
    local m = pair(h.match)
    local keep = {}
    keep[m.ua == user and m.ub or m.ua] = true
    local _, found = cancel_pair(m, reason, keep)
    return found
  end
  return {}
end

local function answers(m)
  return { [m.ua] = m.aa, [m.ub] = m.ab }
end

local result
if CMD == 'enqueue' then
  local user, topic, diff = ARGV[6], ARGV[7], ARGV[8]
  local current = redis.call('GET', ukey(user))
  if current then
    local h = ticket(current)
    if h and (h.status == 'waiting' or h.status == 'matched') then
      if h.topic == topic and h.diff == diff then
        result = { outcome = 'existing', ticket = view(h) }
      else
        result = { outcome = 'conflict', ticket = view(h) }
      end
      return cjson.encode(result)
    end
  end
  local id = next_id()
  redis.call('HSET', tkey(id), 'user', user, 'topic', topic, 'diff', diff, 'status', 'waiting',
    'enq', NOW, 'waited', 0, 'since', NOW, 'exp', NOW + S.timeout, 'match', '', 'v', 1)
  redis.call('SET', ukey(user), id)
  local h = ticket(id)
  enqueue_existing(h, NOW)
  emit('queue.ticket_created', id, 1, nil, {
    ticketId = id, userId = user, topic = topic, difficulty = diff, expiresAt = iso(h.exp),
  })
  local found = try_pair(h)
  result = { outcome = 'created', ticket = view(ticket(id)), paired = found and { found } or {} }
elseif CMD == 'get' then
  local h = ticket(ARGV[7])
  if h and h.user == ARGV[6] then result = { ticket = view(h) } else result = {} end
elseif CMD == 'cancel' then
  local user, id = ARGV[6], ARGV[7]
  local h = ticket(id)
  if not h or h.user ~= user then return cjson.encode({}) end
  local paired = {}
  if h.status == 'waiting' then
    finish(h, 'cancelled')
    emit('queue.ticket_cancelled', id, h.v + 1, nil,
      { ticketId = id, userId = user, reason = 'cancelled' })
  elseif h.status == 'matched' then
    local m = pair(h.match)
    local keep = {}
    keep[m.ua == user and m.ub or m.ua] = true
    local _, found = cancel_pair(m, 'declined', keep)
    paired = found
  end
  result = { ticket = view(ticket(id)), paired = paired }
elseif CMD == 'confirm' then
  local user, mid, accept = ARGV[6], ARGV[7], ARGV[8] == '1'
  local m = pair(mid)
  if not m or (m.ua ~= user and m.ub ~= user) then return cjson.encode({}) end
  local slot = m.ua == user and 'aa' or 'ab'
  local paired = {}
  if m.status == 'pending' and m[slot] == '' then
    if not accept then
      local keep = {}
      keep[m.ua == user and m.ub or m.ua] = true
      local _, found = cancel_pair(m, 'declined', keep)
      paired = found
      result = { status = 'cancelled', answer = 'declined' }
    else
      redis.call('HSET', mkey(mid), slot, '1')
      m[slot] = '1'
      if m.aa == '1' and m.ab == '1' then
        local session = next_id()
        redis.call('HSET', mkey(mid), 'status', 'ready', 'session', session)
        local version = bump(mkey(mid))
        redis.call('ZREM', P .. 'cfm', mid)
        redis.call('EXPIRE', mkey(mid), S.retention)
        for _, id in ipairs({ m.ta, m.tb }) do
          local h = ticket(id)
          if h then finish(h, 'ready') end
        end
        emit('queue.match_ready', mid, version, { m.ua, m.ub }, {
          matchId = mid, userIds = { m.ua, m.ub }, sessionId = session, topic = m.topic,
          difficulty = m.diff,
        })
        result = { status = 'ready', sessionId = session, answer = 'accepted' }
      else
        result = { status = 'waiting', answer = 'accepted' }
      end
    end
  else
    -- A repeat: the answer this person got before, nothing sent twice.
    if m.status == 'ready' then
      result = { status = 'ready', sessionId = m.session }
    elseif m.status == 'cancelled' then
      result = { status = 'cancelled' }
    else
      result = { status = 'waiting' }
    end
  end
  result.paired = paired
elseif CMD == 'sweep' then
  local expired, timeouts, paired = 0, 0, {}
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', P .. 'exp', '-inf', NOW, 'LIMIT', 0, S.batch)) do
    local h = ticket(id)
    redis.call('ZREM', P .. 'exp', id)
    if h and h.status == 'waiting' then
      finish(h, 'expired')
      emit('queue.expired', id, h.v + 1, { h.user },
        { ticketId = id, userId = h.user, topic = h.topic, difficulty = h.diff })
      expired = expired + 1
    end
  end
  for _, mid in ipairs(redis.call('ZRANGEBYSCORE', P .. 'cfm', '-inf', NOW, 'LIMIT', 0, S.batch)) do
    local m = pair(mid)
    redis.call('ZREM', P .. 'cfm', mid)
    if m and m.status == 'pending' then
      local keep = {}
      if m.aa == '1' then keep[m.ua] = true end
      if m.ab == '1' then keep[m.ub] = true end
      local _, found = cancel_pair(m, 'timeout', keep)
      for _, f in ipairs(found) do paired[#paired + 1] = f end
      timeouts = timeouts + 1
    end
  end
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', P .. 'wid', '-inf', NOW, 'LIMIT', 0, S.batch)) do
    redis.call('ZREM', P .. 'wid', id)
    local h = ticket(id)
    if h and h.status == 'waiting' then
      local found = try_pair(h)
      if found then paired[#paired + 1] = found end
    end
  end
  result = { expired = expired, timeouts = timeouts, paired = paired }
elseif CMD == 'forget' then
  local user = ARGV[6]
  local paired = withdraw(user, 'deleted')
  redis.call('DEL', P .. 'bk:' .. user)
  result = { paired = paired }
elseif CMD == 'withdraw' then
  result = { paired = withdraw(ARGV[6], ARGV[7]) }
elseif CMD == 'block' then
  set_block(ARGV[6], ARGV[7], tonumber(ARGV[8]), ARGV[9])
  result = {}
elseif CMD == 'restore' then
  -- ARGV[6] = JSON [[blocker, blocked, version, '1' | '0'], ...] from the Postgres projection.
  for _, b in ipairs(cjson.decode(ARGV[6])) do set_block(b[1], b[2], tonumber(b[3]), b[4]) end
  result = {}
elseif CMD == 'present' then
  -- Which of the tickets (ARGV[6]) and pairs (ARGV[7]), JSON lists of ids, Redis still holds.
  local tickets, pairs = {}, {}
  for _, id in ipairs(cjson.decode(ARGV[6])) do
    if redis.call('EXISTS', tkey(id)) == 1 then tickets[#tickets + 1] = id end
  end
  for _, id in ipairs(cjson.decode(ARGV[7])) do
    if redis.call('EXISTS', mkey(id)) == 1 then pairs[#pairs + 1] = id end
  end
  return '{"tickets":' .. json_list(tickets) .. ',"pairs":' .. json_list(pairs) .. '}'
elseif CMD == 'waiting' then
  local counts = {}
  for _, bucket in ipairs(redis.call('SMEMBERS', P .. 'buckets')) do
    counts[bucket] = redis.call('ZCARD', P .. 'b:' .. bucket)
  end
  result = { counts = counts }
end
return cjson.encode(result or {})
`;
