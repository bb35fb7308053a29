/*
 * 明账 — checks a gift's proof in the browser, trusting nothing but the federation's published key (issue 13).
 *
 * Given a trace answer (GET /api/v1/public/trace/{code}) and the verifier key (GET /api/v1/public/key), it checks, in
 * order: the key's form and id; the checkpoint's Ed25519 signature (C2SP signed note); that the checkpoint's tree size
 * is the proof's; that the transaction recomputes to its chain hash (mingzhang-tx-v1, the encoding of
 * org.mingzhang.journal.ChainHash); that the gift's amount is what the transaction moved; and the RFC 6962 inclusion of
 * that hash in the checkpoint's tree (RFC 9162 §2.1.3.2). Each check says what it compared, so a failure names itself.
 *
 * A plain script (no module), so that it can be loaded alone, by the page or by a test page, as
 * globalThis.MingzhangVerify.verify(trace, keyText).
 */
(function () {
  'use strict';

  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  const utf8 = new TextEncoder();

  function hexToBytes(hex) {
    if (typeof hex !== 'string' || !/^([0-9a-f]{2})*$/.test(hex)) {
      throw new Error('不是十六进制：' + hex);
    }
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) {
      out[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return out;
  }

  function bytesToHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function base64ToBytes(text) {
    if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
      throw new Error('不是 base64：' + text);
    }
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) {
      out[i] = bin.charCodeAt(i);
    }
    return out;
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  function equalBytes(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    let diff = 0;
    for (let i = 0; i < a.length; i++) {
      diff |= a[i] ^ b[i];
    }
    return diff === 0;
  }

  async function sha256(bytes) {
    return new Uint8Array(await subtle.digest('SHA-256', bytes));
  }

  /** The verifier key `<name>+<8 hex key id>+<base64(0x01 ‖ 32-byte Ed25519 key)>`, its id checked. */
  async function parseKey(text) {
    const line = String(text).trim();
    // The name comes first and has no '+'; the key's base64 may hold '+', so only the first two separate fields.
    const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(line);
    if (!m) {
      throw new Error('公钥格式不对：' + line);
    }
    const [, name, idHex, keyB64] = m;
    const raw = base64ToBytes(keyB64);
    if (raw.length !== 33 || raw[0] !== 0x01) {
      throw new Error('公钥不是 Ed25519 公钥（0x01 加 32 字节）');
    }
    const id = (await sha256(concat(utf8.encode(name + '\n'), raw))).slice(0, 4);
    if (bytesToHex(id) !== idHex) {
      throw new Error('公钥编号 ' + idHex + ' 与公钥不符（应为 ' + bytesToHex(id) + '）');
    }
    return { name, id, publicKey: raw.slice(1) };
  }

  /**
   * A C2SP signed note: the text up to the blank line is what is signed (its final newline included); each signature
   * line is "— <name> <base64(4-byte key id ‖ signature)>".
   */
  function parseNote(text) {
    const split = text.lastIndexOf('\n\n');
    if (split < 0 || !text.endsWith('\n')) {
      throw new Error('检查点不是签名文本（缺少空行或结尾换行）');
    }
    const body = text.slice(0, split + 1);
    const signatures = text.slice(split + 2, -1).split('\n').map((l) => {
      const m = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(l);
      if (!m) {
        throw new Error('签名行格式不对：' + l);
      }
      const sig = base64ToBytes(m[2]);
      return { name: m[1], id: sig.slice(0, 4), signature: sig.slice(4) };
    });
    const lines = body.slice(0, -1).split('\n');
    if (lines.length < 3 || !/^[1-9][0-9]*$|^0$/.test(lines[1])) {
      throw new Error('检查点正文应为来源、大小和根哈希三行');
    }
    const root = base64ToBytes(lines[2]);
    if (root.length !== 32) {
      throw new Error('根哈希不是 32 字节');
    }
    return { body, signatures, origin: lines[0], size: Number(lines[1]), root };
  }

  /** The Canonical encoding: each value as <UTF-16 length>:<text>, null as -1:. */
  function canonical(values) {
    return values.map((v) => {
      if (v === null || v === undefined) {
        return '-1:';
      }
      const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
      return s.length + ':' + s;
    }).join('');
  }

  /** The chain hash of a transaction, as org.mingzhang.journal.ChainHash.of computes it. */
  async function chainHash(t) {
    const r = t.references || {};
    const values = ['mingzhang-tx-v1', t.id, t.idempotencyKey, t.requestHash, t.fundId, t.kind, t.phase, t.memo,
      t.occurredAtMicros, t.recordedAtMicros, t.reversesId, t.pendingId, r.gift, r.disbursement, r.pool, t.recordedBy,
      t.prevHash];
    if (r.project !== null && r.project !== undefined) {
      values.push('project', r.project);
    }
    values.push(t.legs.length);
    for (const leg of t.legs) {
      values.push(leg.legNo, leg.fundId, leg.debitAccountId, leg.creditAccountId, leg.amountFen, leg.posted === true);
    }
    return bytesToHex(await sha256(utf8.encode(canonical(values))));
  }

  /** Yuan with two decimals ("4000.00") as whole fen, exactly. */
  function fen(amount) {
    const m = /^([0-9]{1,13})\.([0-9]{2})$/.exec(String(amount));
    if (!m) {
      throw new Error('金额格式不对：' + amount);
    }
    return Number(m[1]) * 100 + Number(m[2]);
  }

  /** RFC 9162 §2.1.3.2: the root an audit path leads to from the leaf hash, or null when the path does not fit. */
  async function rootFromInclusion(leafIndex, treeSize, leafHash, path) {
    if (!(leafIndex >= 0 && leafIndex < treeSize)) {
      return null;
    }
    let fn = leafIndex;
    let sn = treeSize - 1;
    let r = leafHash;
    for (const p of path) {
      if (sn === 0) {
        return null;
      }
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256(concat(Uint8Array.of(1), p, r));
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        r = await sha256(concat(Uint8Array.of(1), r, p));
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  /**
   * Checks a trace answer's proof against the key. Resolves to {status, checks, treeSize}: status "verified" when every
   * check passed, "failed" when one failed (checks says which and why), "pending" when no checkpoint covers the gift yet.
   */
  async function verify(trace, keyText) {
    const checks = [];
    const check = async (id, label, fn) => {
      try {
        const detail = await fn();
        checks.push({ id, label, ok: true, detail });
        return true;
      } catch (e) {
        checks.push({ id, label, ok: false, detail: e && e.message ? e.message : String(e) });
        return false;
      }
    };
    const proof = trace && trace.proof;
    if (!subtle) {
      checks.push({ id: 'crypto', label: '浏览器密码功能', ok: false, detail: '此浏览器不支持 WebCrypto，无法校验' });
      return { status: 'failed', checks, treeSize: null };
    }
    if (!proof || !proof.transaction) {
      checks.push({ id: 'proof', label: '证明', ok: false, detail: '查询结果没有证明' });
      return { status: 'failed', checks, treeSize: null };
    }
    if (proof.checkpoint === null) {
      // The gift is booked but no checkpoint covers it yet: the chain hash can still be checked.
      await check('hash', '交易哈希', async () => {
        const h = await chainHash(proof.transaction);
        if (h !== proof.transactionHash) {
          throw new Error('重算得到 ' + h + '，答复给出 ' + proof.transactionHash);
        }
        return h;
      });
      return { status: checks.every((c) => c.ok) ? 'pending' : 'failed', checks, treeSize: null };
    }
    let key = null;
    let note = null;
    await check('key', '公钥', async () => {
      key = await parseKey(keyText);
      return key.name + '+' + bytesToHex(key.id);
    });
    await check('signature', '检查点签名', async () => {
      note = parseNote(proof.checkpoint);
      if (!key) {
        throw new Error('没有可用的公钥');
      }
      const mine = note.signatures.filter((s) => s.name === key.name && equalBytes(s.id, key.id));
      if (mine.length === 0) {
        throw new Error('检查点没有 ' + key.name + ' 的签名');
      }
      const publicKey = await subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify']);
      for (const s of mine) {
        if (s.signature.length === 64 && await subtle.verify({ name: 'Ed25519' }, publicKey, s.signature, utf8.encode(note.body))) {
          return note.origin;
        }
      }
      throw new Error('签名与检查点内容不符');
    });
    await check('treeSize', '检查点大小', async () => {
      if (!note) {
        throw new Error('检查点无法读取');
      }
      if (note.size !== proof.treeSize) {
        throw new Error('检查点含 ' + note.size + ' 笔，证明针对 ' + proof.treeSize + ' 笔');
      }
      return String(note.size);
    });
    await check('hash', '交易哈希', async () => {
      const h = await chainHash(proof.transaction);
      if (h !== proof.transactionHash) {
        throw new Error('重算得到 ' + h + '，答复给出 ' + proof.transactionHash);
      }
      return h;
    });
    await check('amount', '捐赠金额', async () => {
      const t = proof.transaction;
      const expected = fen(trace.donation.amount);
      const moved = t.legs.filter((l) => l.posted === true).reduce((n, l) => n + l.amountFen, 0);
      if (t.kind !== 'DONATION') {
        throw new Error('交易类型是 ' + t.kind + '，不是捐赠');
      }
      if (moved !== expected) {
        throw new Error('交易记账 ' + (moved / 100).toFixed(2) + ' 元，页面显示 ' + trace.donation.amount + ' 元');
      }
      return trace.donation.amount;
    });
    await check('inclusion', '包含证明', async () => {
      if (!note) {
        throw new Error('检查点无法读取');
      }
      const leaf = await sha256(concat(Uint8Array.of(0), hexToBytes(proof.transactionHash)));
      const path = (proof.inclusion || []).map(base64ToBytes);
      if (path.some((p) => p.length !== 32)) {
        throw new Error('证明中有不是 32 字节的哈希');
      }
      const root = await rootFromInclusion(proof.leafIndex, proof.treeSize, leaf, path);
      if (root === null || !equalBytes(root, note.root)) {
        throw new Error('由第 ' + proof.leafIndex + ' 笔推得的根哈希与检查点不符');
      }
      return String(proof.leafIndex);
    });
    const ok = checks.every((c) => c.ok);
    return { status: ok ? 'verified' : 'failed', checks, treeSize: note ? note.size : null };
  }

  globalThis.MingzhangVerify = { verify, chainHash, canonical, rootFromInclusion, parseNote, parseKey };
})();
