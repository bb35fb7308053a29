/*
 * 明账 public page (issue 13). Reads the address (?code=, ?project=, ?fund=, ?doc=), fetches the public API, puts the
 * text on screen first, then loads ECharts (only when a chart is shown) and checks the gift's proof with verify.js.
 * Every value from the API enters the page as text (textContent), never as markup.
 */
(function () {
  'use strict';

  const ECHARTS = '/static/echarts-5.3.1.min.js';
  const STATUS = {
    // The words of the committee's documents (org.mingzhang.reports.Labels), which the project answers also carry.
    DRAFT: '草案', SUBMITTED: '待审批', FUNDRAISING: '募集中', IN_PROGRESS: '执行中', COMPLETED: '已完成，待验收',
    ACCEPTED: '已结项验收', REJECTED: '未获批准', CANCELLED: '已取消'
  };
  const USE_KIND = { PAYMENT: '项目拨付', FEE: '管理费', LEFTOVER_RETURNED: '结余退回基金', LEFTOVER_MOVED: '结余转入其他项目' };
  const DOC_KIND = { PLAN: '项目计划书', CLOSING_REPORT: '项目结项报告', DISCLOSURE: '公示' };
  const FORM = { CASH: '资金拨付', GOODS: '物资发放' };
  const LEVEL = { CITY: '市级基金', STREET: '街道（镇）基金', COMMUNITY: '社区基金', SEED: '种子基金' };

  const main = document.getElementById('main');

  // --- small helpers -------------------------------------------------------------------------------------------

  /** An element with attributes and children; strings become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) {
        continue;
      }
      if (k === 'class') {
        el.className = v;
      } else if (k.startsWith('data-')) {
        el.setAttribute(k, v);
      } else {
        el.setAttribute(k, v === true ? '' : v);
      }
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) {
        continue;
      }
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  /** "12345.60" → "12,345.60". */
  function yuan(amount) {
    if (amount === null || amount === undefined) {
      return '—';
    }
    const [int, frac] = String(amount).split('.');
    return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? '.' + frac : '');
  }

  /** Whole fen of a two-decimal amount; for charts and sums of what the API gave, never for the figures shown. */
  function fen(amount) {
    const m = /^(-?)(\d+)\.(\d{2})$/.exec(String(amount));
    return m ? (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3])) : 0;
  }

  function fenToYuan(f) {
    const sign = f < 0 ? '-' : '';
    const a = Math.abs(f);
    return sign + Math.floor(a / 100) + '.' + String(a % 100).padStart(2, '0');
  }

  function money(amount) {
    const text = String(amount);
    return text.startsWith('-') ? h('span', { class: 'money' }, '-¥', yuan(text.slice(1)))
      : h('span', { class: 'money' }, '¥', yuan(text));
  }

  function facts(pairs) {
    return h('dl', { class: 'facts' }, pairs.filter((p) => p).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
  }

  function figure(label, value) {
    return h('div', { class: 'figure' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
  }

  /** A table; the columns in {@code numeric} are right-aligned figures, those in {@code dates} never wrap. */
  function table(head, rows, numeric, dates) {
    const cls = (i) => (numeric.includes(i) ? 'num' : (dates || []).includes(i) ? 'date' : null);
    return h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, head.map((t, i) => h('th', { class: cls(i) }, t)))),
      h('tbody', null, rows.map((r) => h('tr', { class: r.total ? 'total' : null },
        r.cells.map((c, i) => h('td', { class: cls(i) }, c)))))));
  }

  function card(cls, ...children) {
    return h('section', { class: 'card ' + (cls || '') }, children);
  }

  function link(href, text) {
    return h('a', { href }, text);
  }

  function progress(done, total) {
    const pct = total > 0 ? Math.max(0, Math.min(100, Math.round((done * 100) / total))) : 0;
    const bar = h('div');
    // Set through the CSSOM: the Content-Security-Policy allows no inline style attribute.
    bar.style.width = pct + '%';
    return [h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': pct, 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar),
      h('div', { class: 'small' }, '已拨付 ', pct, '%')];
  }

  function show(...nodes) {
    main.replaceChildren(...nodes.flat());
  }

  function docsList(documents) {
    if (!documents || documents.length === 0) {
      return h('p', { class: 'small' }, '暂无文件。');
    }
    return h('ul', { class: 'docs' }, documents.map((d) => h('li', null,
      h('div', { class: 'kind' }, DOC_KIND[d.kind] || d.kind, d.issuedOn ? ' · ' + d.issuedOn : ''),
      h('a', { href: d.url }, d.title), ' ',
      h('a', { class: 'small', href: '/?doc=' + encodeURIComponent(d.number) }, '核对'))));
  }

  // --- the API -------------------------------------------------------------------------------------------------

  /** GET a public answer: {status, json, retryAfter}; a network failure is status 0. */
  async function get(path) {
    try {
      const r = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'omit' });
      let json = null;
      try {
        json = await r.json();
      } catch (notJson) {
        json = null;
      }
      return { status: r.status, json, retryAfter: r.headers.get('Retry-After') };
    } catch (e) {
      return { status: 0, json: null, retryAfter: null };
    }
  }

  async function getText(path) {
    const r = await fetch(path, { credentials: 'omit' });
    if (!r.ok) {
      throw new Error('取不到 ' + path + '（' + r.status + '）');
    }
    return r.text();
  }

  /** The failure in plain Chinese. */
  function failure(reply, what) {
    let title;
    let text;
    if (reply.status === 404) {
      title = '没有找到' + what;
      text = '请核对输入是否与收据或公示上印的一致（字母不区分大小写）。';
    } else if (reply.status === 400) {
      title = what + '的格式不对';
      text = '查询码由字母和数字组成，形如 7K2M-9QXD-4HTA。';
    } else if (reply.status === 429) {
      const wait = Number(reply.retryAfter) || 60;
      title = '查询太频繁了';
      text = '为防止恶意查询，同一网络每分钟的查询次数有限。请 ' + wait + ' 秒后再试。';
    } else if (reply.status === 0) {
      title = '网络连接失败';
      text = '请检查网络后刷新本页。';
    } else {
      title = '服务暂时不可用';
      text = '请稍后再试（错误 ' + reply.status + '）。';
    }
    show(card('error', h('h2', null, title), h('p', null, text)));
    document.title = title + ' · 明账';
  }

  // --- ECharts, loaded only when a chart is shown --------------------------------------------------------------

  let echartsLoading = null;

  function loadECharts() {
    if (!echartsLoading) {
      echartsLoading = new Promise((resolve, reject) => {
        if (globalThis.echarts) {
          resolve(globalThis.echarts);
          return;
        }
        const s = document.createElement('script');
        s.src = ECHARTS;
        s.async = true;
        s.onload = () => resolve(globalThis.echarts);
        s.onerror = () => reject(new Error('图表库加载失败'));
        document.head.append(s);
      });
    }
    return echartsLoading;
  }

  /**
   * Draws a chart into its container once ECharts has loaded; when ECharts reports the drawing finished, the container
   * says so in data attributes (data-rendered, data-links: what a reader, or a test, can check).
   */
  function chart(container, option, countLinks) {
    const wait = h('p', { class: 'chart-wait' }, '图表加载中…');
    container.before(wait);
    loadECharts().then((echarts) => {
      wait.remove();
      const c = echarts.init(container, null, { renderer: 'canvas' });
      c.on('finished', () => {
        if (container.getAttribute('data-rendered') === 'true') {
          return;
        }
        container.setAttribute('data-rendered', 'true');
        if (countLinks) {
          try {
            container.setAttribute('data-links', String(c.getModel().getSeriesByIndex(0).getGraph().edges.length));
          } catch (e) {
            container.setAttribute('data-links', 'unknown');
          }
        }
      });
      c.setOption(option);
      let resizing = null;
      globalThis.addEventListener('resize', () => {
        clearTimeout(resizing);
        resizing = setTimeout(() => c.resize(), 150);
      });
    }).catch((e) => {
      wait.textContent = e.message + '，下表列出了同样的数据。';
      container.setAttribute('data-rendered', 'failed');
    });
  }

  const narrow = () => globalThis.innerWidth < 560;

  // --- a gift: ?code= ------------------------------------------------------------------------------------------

  async function showGift(code) {
    show(card('loading', '正在查询 ', code, ' …'));
    const reply = await get('/api/v1/public/trace/' + encodeURIComponent(code));
    if (reply.status !== 200) {
      failure(reply, '这笔捐赠');
      return;
    }
    const t = reply.json;
    const d = t.donation;
    const giftFen = fen(d.amount) - fen(d.refunded);
    const matchFen = fen(t.match.amount);
    document.title = '捐赠 ¥' + yuan(d.amount) + ' 的去向 · 明账';

    const gift = card('gift',
      h('h1', null, '这笔捐赠'),
      h('div', { class: 'amount', id: 'gift-amount' }, '¥', yuan(d.amount), h('small', null, '元')),
      facts([
        ['捐赠人', d.donor],
        ['日期', d.date],
        ['收据号', h('span', { class: 'mono' }, d.receiptNo)],
        ['查询码', h('span', { class: 'mono' }, t.traceCode)],
        ['基金', link('/?fund=' + encodeURIComponent(d.fund), d.fundName || d.fund)],
        ['项目', d.project ? h('span', { id: 'gift-project' }, link('/?project=' + encodeURIComponent(d.project),
          d.projectName || d.project)) : '基金统筹使用（未指定项目）'],
        fen(d.refunded) > 0 ? ['已退款', money(d.refunded)] : null
      ]));
    const match = card('match',
      h('h2', null, '配捐'),
      matchFen > 0
        ? [h('div', { class: 'amount' }, '¥', yuan(t.match.amount), h('small', null, '元')),
          h('p', { class: 'small' }, '按比例归属于这笔捐赠的配捐，来自 ', t.match.poolName || t.match.pool || '配捐资金池', '。')]
        : h('p', { class: 'small' }, '这笔捐赠没有配捐。'));

    const flow = h('div', { class: 'chart tall', id: 'flow', 'data-chart': 'sankey', role: 'img',
      'aria-label': '资金流向图：捐赠和配捐流向各项支出' });
    // A list rather than a table: five columns do not fit a phone, and each use reads as one short paragraph.
    const usesList = h('ol', { class: 'uses' }, t.uses.map((u) => h('li', null,
      h('div', { class: 'use-head' }, h('span', { class: 'use-purpose' }, u.purpose || USE_KIND[u.kind] || u.kind),
        h('span', { class: 'use-amount' }, money(u.amount))),
      h('div', { class: 'small' }, u.date, (USE_KIND[u.kind] || u.kind) === u.purpose ? '' : ' · ' + (USE_KIND[u.kind] || u.kind),
        u.budgetItem ? ' · ' + u.budgetItem : '',
        u.toProject ? ' → ' + u.toProject : ''),
      h('div', { class: 'small' }, '其中本捐赠 ', money(u.fromGift), '，配捐 ', money(u.fromMatch)))),
    h('li', { class: 'unspent' }, h('div', { class: 'use-head' }, h('span', { class: 'use-purpose' }, '尚未使用'),
      h('span', { class: 'use-amount', id: 'unspent' }, money(t.unspent)))));
    // A gift to the fund in general is the fund's unrestricted money: its use is the fund's, not tracked gift by gift.
    const uses = d.project
      ? card('uses',
        h('h2', null, '钱用在了哪里'),
        h('p', { class: 'small' }, '项目的每一笔支出，都按各笔捐赠（连同其配捐）投入的比例分摊到每笔捐赠，精确到分。'),
        t.uses.length || fen(t.unspent) > 0 ? flow : null,
        t.uses.length ? null : h('p', { class: 'small' }, '项目还没有支出。'),
        usesList)
      : card('uses',
        h('h2', null, '钱用在了哪里'),
        h('p', null, '这笔捐赠没有指定项目，由基金统筹用于公益项目，不按笔追踪去向。基金每月的收入与支出见 ',
          link('/?fund=' + encodeURIComponent(d.fund), d.fundName || d.fund), '。'));

    const project = card('project', h('h2', null, '项目进展'),
      t.projectStatus
        ? [h('p', null, h('span', { class: 'badge ' + (t.projectStale ? 'stale' : 'live') }, STATUS[t.projectStatus] || t.projectStatus),
          ' ', d.projectName || d.project || ''),
          t.projectStale ? h('p', { class: 'warn' }, '该项目已超过 90 天没有支出或报告，请关注。') : null,
          h('div', { id: 'project-progress' })]
        : h('p', { class: 'small' }, '这笔捐赠没有指定项目。'),
      h('h2', null, '相关文件'), docsList(t.documents));

    const proof = card('proof', h('div', { class: 'headline', id: 'proof-result' }, '正在核验…'),
      h('p', { class: 'small' }, '浏览器用机构公布的公钥，独立核对这笔捐赠已写入不可篡改的账本日志。'));

    show(h('div', { class: 'grid2' }, gift, match), proof, uses, project);

    // After the text is on screen: the proof, the picture, the project's progress.
    checkProof(t, proof);
    if (flow.isConnected) {
      chart(flow, sankey(t, giftFen, matchFen), true);
    }
    if (d.project) {
      get('/api/v1/public/projects/' + encodeURIComponent(d.project)).then((r) => {
        if (r.status === 200) {
          const p = r.json;
          document.getElementById('project-progress').replaceChildren(
            ...progress(fen(p.disbursed), fen(p.plan.budget)),
            h('p', { class: 'small' }, '预算 ¥', yuan(p.plan.budget), '，已筹 ¥', yuan(p.raised.total), '，配捐 ¥', yuan(p.matched),
              '，已拨付 ¥', yuan(p.disbursed), '。'));
        }
      });
    }
  }

  /** The Sankey: gift and match on the left, each use and what is not yet used on the right. */
  function sankey(t, giftFen, matchFen) {
    const GIFT = '捐赠';
    const MATCH = '配捐';
    // Each node carries its amount as the API gave it, so that its label shows the figure, not a float sum.
    const nodes = [{ name: GIFT, amount: fenToYuan(giftFen), itemStyle: { color: '#b8322a' } }];
    if (matchFen > 0) {
      nodes.push({ name: MATCH, amount: t.match.amount, itemStyle: { color: '#d98c2b' } });
    }
    const links = [];
    let usedGift = 0;
    let usedMatch = 0;
    t.uses.forEach((u, i) => {
      const name = (i + 1) + '. ' + (u.purpose || USE_KIND[u.kind] || u.kind);
      nodes.push({ name, amount: fenToYuan(fen(u.fromGift) + fen(u.fromMatch)), itemStyle: { color: '#1e7b45' } });
      if (fen(u.fromGift) > 0) {
        links.push({ source: GIFT, target: name, value: fen(u.fromGift) / 100 });
      }
      if (fen(u.fromMatch) > 0 && matchFen > 0) {
        links.push({ source: MATCH, target: name, value: fen(u.fromMatch) / 100 });
      }
      usedGift += fen(u.fromGift);
      usedMatch += fen(u.fromMatch);
    });
    const unspent = fen(t.unspent);
    if (unspent > 0) {
      const LEFT = '尚未使用';
      nodes.push({ name: LEFT, amount: t.unspent, itemStyle: { color: '#9aa5ae' } });
      const giftLeft = Math.max(0, Math.min(unspent, giftFen - usedGift));
      const matchLeft = unspent - giftLeft;
      if (giftLeft > 0) {
        links.push({ source: GIFT, target: LEFT, value: giftLeft / 100 });
      }
      if (matchLeft > 0 && matchFen > 0) {
        links.push({ source: MATCH, target: LEFT, value: matchLeft / 100 });
      }
    }
    return {
      animation: false,
      tooltip: { trigger: 'item', confine: true, valueFormatter: (v) => '¥' + yuan(Number(v).toFixed(2)) },
      series: [{
        type: 'sankey',
        left: 8, right: narrow() ? 96 : 180, top: 8, bottom: 8,
        nodeWidth: 14, nodeGap: 10, draggable: false, layoutIterations: 0,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.45, curveness: 0.5 },
        label: { fontSize: narrow() ? 11 : 13, overflow: 'truncate', width: narrow() ? 92 : 176,
          formatter: (p) => p.name + '\n¥' + yuan(p.data.amount) },
        data: nodes,
        links
      }]
    };
  }

  async function checkProof(t, container) {
    const result = container.querySelector('#proof-result');
    let outcome;
    try {
      const key = t.proof && t.proof.checkpoint !== null ? await getText('/api/v1/public/key') : null;
      outcome = await globalThis.MingzhangVerify.verify(t, key);
    } catch (e) {
      outcome = { status: 'failed', checks: [{ id: 'fetch', label: '取公钥', ok: false, detail: e.message }] };
    }
    container.classList.add(outcome.status);
    container.setAttribute('data-proof', outcome.status);
    if (outcome.status === 'verified') {
      result.textContent = '已验证：包含在检查点 ' + outcome.treeSize + '（共 ' + outcome.treeSize + ' 笔）中';
    } else if (outcome.status === 'pending') {
      result.textContent = '已入账，尚未纳入检查点：交易哈希已核对，下一个检查点发布后即可完整核验。';
    } else {
      const first = outcome.checks.find((c) => !c.ok);
      result.textContent = '校验失败：' + (first ? first.label : '未知原因');
    }
    container.append(h('ul', null, outcome.checks.map((c) => h('li', { class: c.ok ? 'good' : 'bad' },
      c.ok ? '✓ ' : '✗ ', c.label, c.ok ? '' : '：' + c.detail))));
    if (t.proof && t.proof.transactionHash) {
      container.append(h('p', { class: 'small' }, '交易哈希 ', h('code', null, t.proof.transactionHash),
        t.proof.leafIndex !== null ? '，日志第 ' + t.proof.leafIndex + ' 笔' : ''));
    }
  }

  // --- a project: ?project= ------------------------------------------------------------------------------------

  async function showProject(code) {
    show(card('loading', '正在查询项目 ', code, ' …'));
    const reply = await get('/api/v1/public/projects/' + encodeURIComponent(code));
    if (reply.status !== 200) {
      failure(reply, '这个项目');
      return;
    }
    const p = reply.json;
    document.title = p.name + ' · 明账';
    const head = card('project',
      h('h1', { id: 'project-name' }, p.name),
      h('p', null, h('span', { class: 'badge ' + (p.stale ? 'stale' : 'live') }, p.statusLabel), ' ',
        h('span', { class: 'small' }, p.category, ' · ', link('/?fund=' + encodeURIComponent(p.fund.code), p.fund.name))),
      p.stale ? h('p', { class: 'warn', id: 'stale' }, '该项目已超过 90 天没有支出或报告（最近一次：', p.lastActivity.slice(0, 10), '）。') : null,
      h('p', null, p.need),
      p.goals.length ? h('ul', null, p.goals.map((g) => h('li', null, g))) : null,
      progress(fen(p.disbursed), fen(p.plan.budget)),
      h('div', { class: 'figures' },
        figure('预算', money(p.plan.budget)), figure('已筹', money(p.raised.total)), figure('配捐', money(p.matched)),
        figure('已拨付', money(p.disbursed)), figure('可用余额', money(p.available)),
        figure('捐赠人', p.raised.donors + ' 位'), figure('捐赠笔数', p.raised.gifts + ' 笔'),
        fen(p.transferredIn) > 0 ? figure('他项目结余转入', money(p.transferredIn)) : null));
    const sources = card('sources', h('h2', null, '资金来源'),
      table(['渠道', '笔数', '金额'], p.raised.byChannel.map((c) => ({ cells: [c.label, c.gifts, money(c.amount)] }))
        .concat(fen(p.matched) > 0 ? [{ cells: ['配捐' + (p.matchingPool ? '（' + p.matchingPool + '）' : ''), '', money(p.matched)] }] : []),
      [1, 2]));
    const lines = card('lines', h('h2', null, '预算执行'),
      table(['预算科目', '计划', '已拨付'], p.plan.lines.map((l) => ({ cells: [l.item, money(l.planned), money(l.disbursed)] })), [1, 2]));
    const uses = card('uses', h('h2', null, '支出明细'),
      p.uses.length === 0 ? h('p', { class: 'small' }, '尚无支出。')
        : table(['日期', '用途', '金额'], p.uses.map((u) => ({
          cells: [u.date, [u.purpose, h('div', { class: 'small' }, u.budgetItem, ' · ', FORM[u.category] || u.category)], money(u.amount)]
        })), [2], [0]),
      h('p', { class: 'small' }, '支付给个人的款项只显示用途和类别，不显示收款人。'));
    const docs = card('documents', h('h2', null, '项目文件'), docsList(p.documents));
    show(head, h('div', { class: 'grid2' }, sources, lines), uses, docs);
  }

  // --- a fund: ?fund= ------------------------------------------------------------------------------------------

  async function showFund(code) {
    show(card('loading', '正在查询基金 ', code, ' …'));
    const reply = await get('/api/v1/public/funds/' + encodeURIComponent(code));
    if (reply.status !== 200) {
      failure(reply, '这个基金');
      return;
    }
    const f = reply.json;
    document.title = f.name + ' · 明账';
    const head = card('fund', h('h1', { id: 'fund-name' }, f.name),
      h('p', { class: 'small' }, LEVEL[f.level] || f.level, f.parentCode ? ' · 上级 ' + f.parentCode : ''),
      h('div', { class: 'figures' }, figure('银行及现金', money(f.balances.cash)), figure('限定性净资产', money(f.balances.restricted)),
        figure('非限定性净资产', money(f.balances.unrestricted))));
    const months = h('div', { class: 'chart', id: 'months', 'data-chart': 'bar', role: 'img', 'aria-label': '每月捐赠收入与支出' });
    let inSum = 0;
    let outSum = 0;
    const rows = f.months.map((m) => {
      inSum += fen(m.donations);
      outSum += fen(m.spending);
      return { cells: [m.month, money(m.donations), money(m.spending)] };
    });
    rows.push({ total: true, cells: ['合计', money(fenToYuan(inSum)), money(fenToYuan(outSum))] });
    const flows = card('months', h('h2', null, '每月来源与使用'),
      f.months.length ? months : null,
      table(['月份', '捐赠收入', '支出'], rows, [1, 2], [0]),
      h('p', { class: 'small' }, '捐赠收入含限定性（指定项目）和非限定性捐赠，已扣除退款；支出含项目支出、管理费用和筹资费用。'));
    const projects = card('projects', h('h2', null, '项目'),
      f.projects.length === 0 ? h('p', { class: 'small' }, '暂无公开项目。')
        : table(['项目', '状态', '已筹', '已拨付'], f.projects.map((p) => ({
          cells: [link('/?project=' + encodeURIComponent(p.code), p.name),
            h('span', { class: 'badge ' + (p.stale ? 'stale' : 'live') }, p.stale ? p.statusLabel + '·久无进展' : p.statusLabel),
            money(p.raised), money(p.disbursed)]
        })), [2, 3]));
    const docs = card('documents', h('h2', null, '公示文件'), docsList(f.documents));
    show(head, flows, projects, docs);
    if (f.months.length) {
      chart(months, {
        animation: false,
        color: ['#b8322a', '#1e7b45'],
        tooltip: { trigger: 'axis', confine: true, valueFormatter: (v) => '¥' + yuan(Number(v).toFixed(2)) },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: f.months.map((m) => m.month) },
        yAxis: { type: 'value', axisLabel: { formatter: (v) => (Math.abs(v) >= 10000 ? v / 10000 + '万' : v) } },
        series: [
          { name: '捐赠收入', type: 'bar', data: f.months.map((m) => fen(m.donations) / 100) },
          { name: '支出', type: 'bar', data: f.months.map((m) => fen(m.spending) / 100) }
        ]
      }, false);
    }
  }

  // --- a document: ?doc= ---------------------------------------------------------------------------------------

  async function showDocument(number) {
    show(card('loading', '正在查询文件 ', number, ' …'));
    const reply = await get('/api/v1/public/documents/' + encodeURIComponent(number));
    if (reply.status !== 200) {
      failure(reply, '这份文件');
      return;
    }
    const d = reply.json;
    document.title = d.title + ' · 明账';
    show(card('document',
      h('h1', { id: 'doc-title' }, d.title),
      h('p', null, h('span', { class: 'badge ' + (d.current === false ? 'stale' : 'live') },
        d.current === true ? '与账本一致' : d.current === false ? '账本已有更新，此版本已过时' : '无法与当前账本比对')),
      facts([
        ['文件编号', h('span', { class: 'mono' }, d.number)],
        ['类型', DOC_KIND[d.kind] || d.kind],
        d.projectCode ? ['项目', link('/?project=' + encodeURIComponent(d.projectCode), d.projectCode)] : null,
        ['基金', link('/?fund=' + encodeURIComponent(d.fundCode), d.fundCode)],
        d.from ? ['公示期间', d.from + ' 至 ' + d.to] : null,
        ['数据截至', d.dataAsOf ? d.dataAsOf.replace('T', ' ').slice(0, 16) : '—'],
        ['SHA-256', h('span', { class: 'mono' }, d.sha256)]
      ]),
      h('p', null, h('a', { href: d.pdf, id: 'doc-pdf' }, '打开 PDF 原件')),
      h('p', { class: 'small' }, '手中纸质或电子文件的 SHA-256 与上面一致，即为机构发布的同一份文件。')));
  }

  // --- start ---------------------------------------------------------------------------------------------------

  const form = document.getElementById('lookup');
  const input = document.getElementById('code');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = input.value.trim().toUpperCase().replace(/\s+/g, '');
    if (code) {
      location.search = '?code=' + encodeURIComponent(code);
    }
  });

  const q = new URLSearchParams(location.search);
  if (q.get('code')) {
    const code = q.get('code').trim().toUpperCase();
    input.value = code;
    showGift(code);
  } else if (q.get('project')) {
    showProject(q.get('project').trim());
  } else if (q.get('fund')) {
    showFund(q.get('fund').trim());
  } else if (q.get('doc')) {
    showDocument(q.get('doc').trim().toUpperCase());
  }
})();
