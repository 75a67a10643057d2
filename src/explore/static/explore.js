/* The explorer page: search the full-text index, draw a node's neighbourhood, and grow the view
   without reshuffling it — click selects (properties, evidence, article), double-click or
   "展开" expands around that node while every node already drawn stays where it is. Hide, pin,
   undo, a type filter, groups for large neighbourhoods, and the view in the URL
   (?focus=…&depth=…&hide=…&types=…) so it can be shared, reloaded and exported. Talks only to
   /graphql and /export. */
(function () {
  'use strict';
  var TYPES = {
    Place: { color: '#3a7bd5', shape: 'round-rectangle', name: '地点' },
    Initiative: { color: '#f0b429', shape: 'diamond', name: '计划/举措' },
    Person: { color: '#e12d39', shape: 'ellipse', name: '人物' },
    Cohort: { color: '#8e44ad', shape: 'hexagon', name: '群体' },
    Organization: { color: '#2f9e44', shape: 'rectangle', name: '机构' },
    Figure: { color: '#7b8794', shape: 'tag', name: '数据' },
    Article: { color: '#334e68', shape: 'barrel', name: '文章' },
    Mentorship: { color: '#e12d39', shape: 'vee', name: '帮带关系' },
  };
  var EDGE_NAMES = { MENTORS: '帮带', PART_OF: '隶属', IN: '位于', RUN_BY: '主办', WORKS_FOR: '任职', BASED_IN: '所在', MEMBER_OF: '成员', PARTICIPATES_IN: '参与', ABOUT: '关于', LOCATED_IN: '位于', MENTIONS: '提及', UNDER: '属于', REPORTS: '报道' };
  /** More new neighbours of one type than this arrive as one group node ("14 个数据") until asked:
      figures and articles are many and alike, the rest are read one by one. */
  var GROUP_OVER = { Figure: 6, Article: 8 };
  var GROUP_OVER_OTHERS = 12;
  /** The smallest on-screen label size (px) a fit may shrink to; below it we zoom in on the focus. */
  var READABLE_PX = 11;
  var FONT_PX = 13;
  var PHONE = window.matchMedia('(max-width: 900px)');

  var esc = window.cadrePage.esc;
  var gql = window.cadrePage.gql;
  function $(id) { return document.getElementById(id); }
  function status(msg) { $('status').textContent = msg || ''; }
  function typeName(t) { return (TYPES[t] || {}).name || t; }

  cytoscape.use(cytoscapeFcose);
  var cy = cytoscape({
    container: $('cy'),
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      { selector: 'node', style: {
        'background-color': function (n) { return (TYPES[n.data('type')] || {}).color || '#999'; },
        'shape': function (n) { return (TYPES[n.data('type')] || {}).shape || 'ellipse'; },
        'label': 'data(short)', 'font-size': FONT_PX, 'text-valign': 'bottom', 'text-margin-y': 4, 'width': 22, 'height': 22,
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 2,
        'font-family': '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif' } },
      { selector: 'node[type = "Group"]', style: {
        'background-color': function (n) { return (TYPES[n.data('memberType')] || {}).color || '#999'; },
        'shape': 'round-rectangle', 'width': 34, 'height': 26, 'border-width': 2, 'border-style': 'double', 'border-color': '#486581', 'font-style': 'italic' } },
      { selector: 'node.focus', style: { 'width': 32, 'height': 32, 'border-width': 3, 'border-color': '#102a43', 'font-weight': 'bold' } },
      { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#102a43' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#e12d39', 'border-style': 'solid' } },
      { selector: '.filtered', style: { 'display': 'none' } },
      { selector: 'edge', style: { 'width': 1.5, 'line-color': '#bcccdc', 'target-arrow-color': '#bcccdc', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
      { selector: 'edge[type = "GROUP"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
      { selector: 'edge[type = "MENTORS"]', style: { 'width': 3, 'line-color': '#e12d39', 'target-arrow-color': '#e12d39', 'label': '帮带', 'font-size': 10, 'color': '#e12d39', 'text-background-color': '#fff', 'text-background-opacity': 0.85 } },
      { selector: 'edge:selected', style: { 'line-color': '#102a43', 'target-arrow-color': '#102a43' } },
    ],
  });
  cy.boxSelectionEnabled(false);

  var view = { focus: [], depth: 1, hidden: [], offTypes: [] };
  var undoStack = [];
  window.cy = cy; // for tests and the curious
  window.explorer = { view: view, undoStack: undoStack };

  function short(label) { return label.length > 14 ? label.slice(0, 13) + '…' : label; }
  function nodeData(n) { return { id: n.id, type: n.type, label: n.label, short: short(n.label), props: n.properties }; }
  function edgeData(e) { return { id: e.id, source: e.source, target: e.target, type: e.type, props: e.properties }; }

  // ---- the view in the URL ------------------------------------------------------------
  function remember() {
    var u = new URL(location.href);
    ['focus', 'depth', 'hide', 'types'].forEach(function (k) { u.searchParams.delete(k); });
    view.focus.forEach(function (id) { u.searchParams.append('focus', id); });
    if (view.depth !== 1) u.searchParams.set('depth', String(view.depth));
    view.hidden.forEach(function (id) { u.searchParams.append('hide', id); });
    if (view.offTypes.length) u.searchParams.set('types', shownTypes().join(','));
    history.replaceState(null, '', u);
    exportLinks();
  }
  function shownTypes() { return Object.keys(TYPES).filter(function (t) { return view.offTypes.indexOf(t) < 0; }); }

  function exportLinks() {
    var q = new URLSearchParams();
    view.focus.forEach(function (id) { q.append('focus', id); });
    q.set('depth', String(view.depth));
    view.hidden.forEach(function (id) { q.append('hide', id); });
    if (view.offTypes.length) q.set('types', shownTypes().join(','));
    ['json', 'graphml', 'gexf'].forEach(function (f) {
      var a = $('export-' + f);
      if (view.focus.length) a.href = '/export/graph.' + f + '?' + q.toString(); else a.removeAttribute('href');
    });
  }

  // ---- undo: the whole view (elements with positions, locks, classes) before each change --
  function saveForUndo() {
    undoStack.push({ els: cy.elements().jsons(), view: JSON.parse(JSON.stringify(view)) });
    if (undoStack.length > 50) undoStack.shift();
    $('undo').disabled = false;
  }
  function undo() {
    var s = undoStack.pop();
    $('undo').disabled = undoStack.length === 0;
    if (!s) return;
    cy.elements().remove();
    cy.add(s.els);
    Object.keys(s.view).forEach(function (k) { view[k] = s.view[k]; });
    applyTypeFilter();
    remember();
    status(cy.nodes().length + ' 个节点 · 已撤销');
  }

  // ---- adding what the server sends --------------------------------------------------
  /** Free places on rings around a node, outside everything drawn. */
  function ringAround(center, count) {
    var r = 110, out = [];
    for (var i = 0; i < count; i++) {
      var ring = Math.floor(i / 12), k = i % 12, per = Math.min(12, count - ring * 12);
      var a = (2 * Math.PI * k) / per + ring * 0.4;
      out.push({ x: center.x + (r + ring * 70) * Math.cos(a), y: center.y + (r + ring * 70) * Math.sin(a) });
    }
    return out;
  }

  /**
   * Adds a view's nodes and edges that are not drawn yet (nor hidden). New neighbours of one
   * type beyond GROUP_OVER become a group node hanging off `around`. Returns the new nodes.
   */
  function addView(graph, around) {
    var hidden = {};
    view.hidden.forEach(function (id) { hidden[id] = true; });
    var fresh = graph.nodes.filter(function (n) { return cy.getElementById(n.id).empty() && !hidden[n.id] && !inGroup(n.id); });
    var byType = {};
    fresh.forEach(function (n) { if (n.id !== around) (byType[n.type] = byType[n.type] || []).push(n); });
    var grouped = {};
    var groups = [];
    if (around) Object.keys(byType).forEach(function (t) {
      if (byType[t].length <= (GROUP_OVER[t] || GROUP_OVER_OTHERS)) return;
      byType[t].forEach(function (n) { grouped[n.id] = true; });
      var members = byType[t].map(nodeData);
      var ids = {};
      members.forEach(function (m) { ids[m.id] = true; });
      var edges = graph.edges.filter(function (e) { return ids[e.source] || ids[e.target]; }).map(edgeData);
      groups.push({ id: 'group:' + around + ':' + t, type: 'Group', memberType: t, label: members.length + ' 个' + typeName(t), short: members.length + ' 个' + typeName(t), members: members, edges: edges });
    });
    var drawn = fresh.filter(function (n) { return !grouped[n.id]; });
    var center = around && cy.getElementById(around).nonempty() ? cy.getElementById(around).position() : { x: 0, y: 0 };
    var spots = ringAround(center, drawn.length + groups.length);
    var added = cy.collection();
    drawn.forEach(function (n, i) { added = added.union(cy.add({ group: 'nodes', data: nodeData(n), position: spots[i] })); });
    groups.forEach(function (g, i) {
      if (cy.getElementById(g.id).nonempty()) return;
      added = added.union(cy.add({ group: 'nodes', data: g, position: spots[drawn.length + i] }));
      cy.add({ group: 'edges', data: { id: 'groupedge:' + g.id, source: around, target: g.id, type: 'GROUP' } });
    });
    addEdges(graph.edges);
    cy.nodes().removeClass('focus');
    if (around) cy.getElementById(around).addClass('focus');
    applyTypeFilter();
    return added;
  }
  function addEdges(edges) {
    edges.forEach(function (e) {
      if (cy.getElementById(e.id).nonempty()) return;
      if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) return;
      cy.add({ group: 'edges', data: edgeData(e) });
    });
  }
  function inGroup(id) {
    return cy.nodes('[type = "Group"]').some(function (g) { return g.data('members').some(function (m) { return m.id === id; }); });
  }

  // ---- layout: the first draw is free, later ones move only what is new --------------
  function layout(fresh) {
    var all = !fresh;
    var fixed = all ? cy.nodes(':locked') : cy.nodes().difference(fresh);
    var before = {};
    fixed.forEach(function (n) { before[n.id()] = { x: n.position('x'), y: n.position('y') }; });
    return new Promise(function (resolve) {
      if (!all && fresh.empty()) return resolve();
      var l = cy.layout({
        name: 'fcose', quality: all ? 'proof' : 'default', animate: false, fit: false, randomize: all && fixed.empty(), nodeDimensionsIncludeLabels: true,
        nodeRepulsion: function () { return 12000; }, idealEdgeLength: function () { return 90; },
        nodeSeparation: 90, gravity: 0.2, numIter: 3000, padding: 30, packComponents: all,
        fixedNodeConstraint: fixed.nonempty() ? fixed.map(function (n) { return { nodeId: n.id(), position: before[n.id()] }; }) : undefined,
      });
      l.one('layoutstop', function () {
        // The drawn nodes stay exactly where they were: undo any shift fCoSE gave the whole
        // picture, on them and on the new nodes alike.
        var ids = Object.keys(before);
        if (ids.length) {
          var dx = 0, dy = 0;
          ids.forEach(function (id) { var p = cy.getElementById(id).position(); dx += p.x - before[id].x; dy += p.y - before[id].y; });
          dx /= ids.length; dy /= ids.length;
          var movable = all ? cy.nodes().difference(fixed) : fresh;
          movable.forEach(function (n) { n.position({ x: n.position('x') - dx, y: n.position('y') - dy }); });
          ids.forEach(function (id) { cy.getElementById(id).position(before[id]); });
        }
        separateLabels(all ? cy.nodes().difference(fixed) : fresh);
        resolve();
      });
      l.run();
    });
  }

  // fCoSE spaces nodes by their label boxes but can leave a few long Chinese labels touching;
  // a final pass nudges overlapping pairs apart — moving only the nodes that may move.
  function separateLabels(movable) {
    var canMove = {};
    movable.forEach(function (n) { if (!n.locked()) canMove[n.id()] = true; });
    var nodes = cy.nodes(':visible').toArray();
    for (var pass = 0; pass < 60; pass++) {
      var moved = false;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var mi = canMove[nodes[i].id()], mj = canMove[nodes[j].id()];
          if (!mi && !mj) continue;
          var a = nodes[i].boundingBox({ includeLabels: true }), b = nodes[j].boundingBox({ includeLabels: true });
          var ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + 4, oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + 4;
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          var pa = nodes[i].position(), pb = nodes[j].position();
          var share = mi && mj ? 0.5 : 1;
          var horizontal = ox < oy;
          var sign = horizontal ? (pa.x <= pb.x ? -1 : 1) : (pa.y <= pb.y ? -1 : 1);
          var d = (horizontal ? ox : oy) * share * sign;
          if (mi) nodes[i].position(horizontal ? { x: pa.x + d, y: pa.y } : { x: pa.x, y: pa.y + d });
          if (mj) nodes[j].position(horizontal ? { x: pb.x - d, y: pb.y } : { x: pb.x, y: pb.y - d });
        }
      }
      if (!moved) break;
    }
  }

  /** Fit the view, but never so small that labels cannot be read: then centre on the focus. */
  function fitReadable(onId) {
    cy.fit(cy.elements(':visible'), 30);
    if (cy.zoom() * FONT_PX < READABLE_PX) {
      cy.zoom(READABLE_PX / FONT_PX);
      var n = onId && cy.getElementById(onId);
      cy.center(n && n.nonempty() ? n : cy.nodes(':visible'));
    }
  }
  function keepInView(fresh, onId) {
    var ext = cy.extent();
    var out = fresh.some(function (n) { var p = n.position(); return p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2; });
    if (out) fitReadable(onId);
  }

  // ---- show, expand, hide, pin ------------------------------------------------------
  var GRAPH_Q = 'query($f: [ID!]!, $d: Int!, $l: Int!) { graph(focus: $f, depth: $d, limit: $l) { truncated nodes { id: entityId type label properties } edges { id source: sourceEntityId target: targetEntityId type properties } } }';
  function fetchView(focus, depth) { return gql(GRAPH_Q, { f: focus, d: depth, l: Math.min(300, 60 * focus.length * depth) }); }

  function show(focus, depth, keep) {
    if (cy.nodes().length) saveForUndo();
    view.focus = focus.slice();
    view.depth = depth;
    if (!keep) view.hidden = [];
    $('depth').value = String(depth);
    remember();
    status('加载中…');
    cy.elements().remove();
    return fetchView(focus, depth).then(function (d) {
      addView(d.graph, focus[0]);
      // A reloaded view with several focus nodes: the rest are marked too.
      focus.slice(1).forEach(function (id) { cy.getElementById(id).addClass('focus'); });
      status(cy.nodes().length + ' 个节点' + (d.graph.truncated ? '（已截断）' : '') + ' · 单击查看，双击展开');
      return layout(null);
    }).then(function () { fitReadable(focus[0]); select(focus[0]); }).catch(function (e) { status('出错：' + e.message); });
  }

  function expand(id) {
    var n = cy.getElementById(id);
    if (n.empty()) return Promise.resolve();
    if (n.data('type') === 'Group') return openGroup(id);
    status('展开中…');
    return fetchView([id], 1).then(function (d) {
      saveForUndo();
      if (view.focus.indexOf(id) < 0) view.focus.push(id);
      remember();
      var fresh = addView(d.graph, id);
      status(cy.nodes().length + ' 个节点 · 新增 ' + fresh.length);
      return layout(fresh).then(function () { keepInView(fresh, id); });
    }).then(function () { select(id); }).catch(function (e) { status('出错：' + e.message); });
  }

  /** A group's members join the view around the group's place; the group goes. */
  function openGroup(id) {
    var g = cy.getElementById(id);
    saveForUndo();
    var at = g.position();
    var members = g.data('members').filter(function (m) { return cy.getElementById(m.id).empty() && view.hidden.indexOf(m.id) < 0; });
    var edges = g.data('edges');
    g.remove();
    var spots = ringAround(at, members.length);
    var fresh = cy.collection();
    members.forEach(function (m, i) { fresh = fresh.union(cy.add({ group: 'nodes', data: m, position: spots[i] })); });
    addEdges(edges.map(function (e) { return { id: e.id, source: e.source, target: e.target, type: e.type, properties: e.props }; }));
    applyTypeFilter();
    status(cy.nodes().length + ' 个节点 · 新增 ' + fresh.length);
    return layout(fresh).then(function () { keepInView(fresh); });
  }

  function hide(id) {
    var n = cy.getElementById(id);
    if (n.empty()) return;
    saveForUndo();
    if (n.data('type') !== 'Group') view.hidden.push(id);
    n.remove();
    remember();
    $('panel-body').innerHTML = '<p class="hint">已隐藏“' + esc(n.data('label')) + '”。“撤销”可恢复。</p>';
    status(cy.nodes().length + ' 个节点');
  }

  function togglePin(id) {
    var n = cy.getElementById(id);
    saveForUndo();
    if (n.locked()) { n.unlock(); n.removeClass('pinned'); } else { n.lock(); n.addClass('pinned'); }
    select(id);
  }

  // ---- the type filter (the legend) -------------------------------------------------
  function applyTypeFilter() {
    cy.nodes().forEach(function (n) {
      var t = n.data('type') === 'Group' ? n.data('memberType') : n.data('type');
      n.toggleClass('filtered', view.offTypes.indexOf(t) >= 0);
    });
  }
  function renderLegend() {
    $('legend').innerHTML = Object.keys(TYPES).filter(function (k) { return k !== 'Mentorship'; }).map(function (k) {
      return '<li><label><input type="checkbox" data-type="' + k + '"' + (view.offTypes.indexOf(k) < 0 ? ' checked' : '') + '><span class="swatch" style="background:' + TYPES[k].color + '"></span>' + TYPES[k].name + '</label></li>';
    }).join('') + '<li><span class="swatch" style="background:#e12d39;height:3px;vertical-align:middle"></span>帮带</li>';
  }
  $('legend').addEventListener('change', function (ev) {
    var t = ev.target.getAttribute('data-type');
    if (!t) return;
    view.offTypes = view.offTypes.filter(function (x) { return x !== t; });
    if (!ev.target.checked) view.offTypes.push(t);
    applyTypeFilter();
    remember();
  });

  // ---- the details panel (a bottom sheet at phone width) -------------------------------
  var EVIDENCE_Q = 'query($id: ID!) { node(id: $id) { ... on Place { evidence { ...E } } ... on Initiative { evidence { ...E } } ... on Person { evidence { ...E } } ... on Cohort { evidence { ...E } } ... on Organization { evidence { ...E } } ... on Figure { evidence { ...E } } } } fragment E on Evidence { quote offset article { id title url publishedAt } }';
  var ARTICLE_Q = 'query($id: ID!) { node(id: $id) { ... on Article { id title publisher publishedAt url text } } }';
  var NAMES_Q = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Article { title } ... on Initiative { name } ... on Place { name } ... on Person { name } ... on Cohort { label } ... on Organization { name } } }';
  var ID_LIKE = /^(place|initiative|person|cohort|org|mentorship|figure|article):/;
  // Ids and the evidence lists are shown as names and quotes, not as raw properties.
  var HIDDEN_PROPS = { id: 1, quotes: 1, articleIds: 1, offsets: 1, claims: 1, source: 1, text: 1, searchText: 1 };

  function openPanel(html) {
    $('panel-body').innerHTML = html;
    $('panel').classList.add('open');
    $('panel').scrollTop = 0;
  }

  function shownProps(props) {
    var out = {};
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (HIDDEN_PROPS[k] || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return;
      out[k] = v;
    });
    return out;
  }
  function propsTable(props) {
    return '<table>' + Object.keys(props).map(function (k) { var v = props[k]; return '<tr><td>' + esc(k) + '</td><td>' + esc(Array.isArray(v) ? v.join('、') : v) + '</td></tr>'; }).join('') + '</table>';
  }
  /** Names for every id among the shown values (and the extra ids given), in one request. */
  function named(props, extra) {
    var ids = (extra || []).slice();
    Object.keys(props).forEach(function (k) { [].concat(props[k]).forEach(function (v) { if (typeof v === 'string' && ID_LIKE.test(v)) ids.push(v); }); });
    ids = ids.filter(function (v, i) { return ids.indexOf(v) === i; }).slice(0, 100);
    return (ids.length ? gql(NAMES_Q, { ids: ids }) : Promise.resolve({ nodes: [] })).then(function (r) {
      var name = {};
      (r.nodes || []).forEach(function (n) { if (n) name[n.id] = n.title || n.name || n.label; });
      return name;
    });
  }
  function withNames(props, name) {
    var out = {};
    Object.keys(props).forEach(function (k) { var v = props[k]; out[k] = Array.isArray(v) ? v.map(function (x) { return name[x] || x; }) : name[v] || v; });
    return out;
  }

  function evidenceHtml(list) {
    if (!list.length) return '<p class="hint">没有原文引述。</p>';
    return list.map(function (e) {
      return '<div class="evidence">“' + esc(e.quote) + '”<br><button class="article-link" data-article="' + esc(e.article.id) + '" data-quote="' + esc(e.quote) + '">' + esc(e.article.title || '文章') + '</button>' +
        (e.article.url ? ' · <a href="' + esc(e.article.url) + '" target="_blank" rel="noopener">原网页</a>' : '') + '</div>';
    }).join('');
  }

  function actions(n) {
    var group = n.data('type') === 'Group';
    return '<div class="actions">' +
      '<button type="button" data-act="expand">' + (group ? '全部展开' : '展开') + '</button>' +
      '<button type="button" data-act="hide">隐藏</button>' +
      (group ? '' : '<button type="button" data-act="pin">' + (n.locked() ? '取消固定' : '固定') + '</button>') + '</div>';
  }

  var selected = null;
  function select(id) {
    var n = cy.getElementById(id);
    if (n.empty()) return;
    selected = id;
    cy.elements().unselect();
    n.select();
    // At phone width the details cover the lower half: bring the node into the upper part.
    if (PHONE.matches) {
      var rp = n.renderedPosition();
      cy.panBy({ x: cy.width() / 2 - rp.x, y: cy.height() * 0.28 - rp.y });
    }
    var d = n.data();
    var t = TYPES[d.type === 'Group' ? d.memberType : d.type] || {};
    var head = '<h2><span class="badge" style="background:' + (t.color || '#999') + '">' + esc(d.type === 'Group' ? '分组' : t.name || d.type) + '</span>' + esc(d.label) + '</h2>' + actions(n);
    if (d.type === 'Group') {
      openPanel(head + '<ul class="members">' + d.members.map(function (m) { return '<li>' + esc(m.label) + '</li>'; }).join('') + '</ul>');
      return;
    }
    var props = shownProps(d.props);
    openPanel(head + '<div id="node-props">' + propsTable(props) + '</div><h3>证据</h3><div id="evidence">加载中…</div>');
    if (d.type === 'Article') { openArticle(id, null, head); return; }
    named(props).then(function (name) { if (selected === id && $('node-props')) $('node-props').innerHTML = propsTable(withNames(props, name)); }).catch(function () {});
    // The panel may show something else by the time the answer comes (another click).
    gql(EVIDENCE_Q, { id: id }).then(function (r) {
      var el = $('evidence');
      if (el && selected === id) el.innerHTML = evidenceHtml((r.node && r.node.evidence) || []);
    }).catch(function (e) { var el = $('evidence'); if (el) el.textContent = e.message; });
  }

  function selectEdge(e) {
    var d = e.data();
    selected = d.id;
    var p = d.props || {};
    var src = cy.getElementById(d.source).data('label');
    var tgt = cy.getElementById(d.target).data('label');
    var shown = shownProps(p);
    openPanel('<h2>' + esc(src) + ' → ' + esc(tgt) + '</h2><p>' + esc(EDGE_NAMES[d.type] || d.type) + '</p><div id="edge-props">' + propsTable(shown) + '</div><h3>证据</h3><div id="evidence">加载中…</div>');
    named(shown, (p.articleIds || []).slice(0, 50)).then(function (name) {
      if (selected !== d.id || !$('edge-props')) return; // the panel shows something else by now
      $('edge-props').innerHTML = propsTable(withNames(shown, name));
      var quotes = (p.quotes || []).map(function (q, i) {
        var id = (p.articleIds || [])[i];
        return { quote: q, article: { id: id, title: name[id] || '文章' } };
      }).filter(function (x) { return x.article.id; });
      $('evidence').innerHTML = evidenceHtml(quotes);
    }).catch(function (err) { var el = $('evidence'); if (el) el.textContent = err.message; });
  }

  function openArticle(id, quote, head) {
    gql(ARTICLE_Q, { id: id }).then(function (r) {
      var a = r.node;
      if (!a) return;
      var text = esc(a.text);
      if (quote) text = text.split(esc(quote)).join('<mark>' + esc(quote) + '</mark>');
      openPanel((head || '<h2>' + esc(a.title || '文章') + '</h2>') + '<p>' + esc([a.publisher, a.publishedAt].filter(Boolean).join(' · ')) +
        (a.url ? ' · <a href="' + esc(a.url) + '" target="_blank" rel="noopener">原网页</a>' : '') + '</p><div class="article-text" id="article-text">' + text + '</div>');
      // Scroll the panel (not the page) to the quote.
      var m = $('panel').querySelector('mark');
      if (m) $('panel').scrollTop = m.offsetTop - 80;
    });
  }

  $('panel').addEventListener('click', function (ev) {
    var b = ev.target.closest('[data-article]');
    if (b) return openArticle(b.getAttribute('data-article'), b.getAttribute('data-quote'));
    var act = ev.target.closest('[data-act]');
    if (!act || !selected) return;
    var what = act.getAttribute('data-act');
    if (what === 'expand') expand(selected);
    if (what === 'hide') hide(selected);
    if (what === 'pin') togglePin(selected);
  });
  $('sheet-close').addEventListener('click', function () { $('panel').classList.remove('open'); });

  cy.on('tap', 'node', function (ev) { select(ev.target.id()); });
  cy.on('dbltap', 'node', function (ev) { expand(ev.target.id()); });
  cy.on('tap', 'edge', function (ev) { if (ev.target.data('type') !== 'GROUP') selectEdge(ev.target); });
  cy.on('tap', function (ev) { if (ev.target === cy) { cy.elements().unselect(); $('panel').classList.remove('open'); } });
  // Labels are cut at a few characters; the whole name shows on hover.
  cy.on('mouseover', 'node', function (ev) { cy.container().title = ev.target.data('label'); });
  cy.on('mouseout', 'node', function () { cy.container().title = ''; });

  $('undo').addEventListener('click', undo);
  $('relayout').addEventListener('click', function () { saveForUndo(); layout(null).then(function () { fitReadable(view.focus[0]); }); });
  $('depth').addEventListener('change', function () { if (view.focus.length) show([view.focus[0]], Number($('depth').value)); });

  // ---- search -------------------------------------------------------------------------
  var LIST_Q = 'query($f: ListFilter) { places(filter: $f, first: 10) { nodes { id name } } initiatives(filter: $f, first: 10) { nodes { id name } } people(filter: $f, first: 10) { nodes { id name } } cohorts(filter: $f, first: 10) { nodes { id label } } }';
  var SEARCH_Q = 'query($q: String!) { search(query: $q, first: 20) { type node { ... on Place { id name } ... on Initiative { id name } ... on Person { id name } ... on Cohort { id label } ... on Organization { id name } ... on Article { id title } } } }';

  function renderResults(items) {
    $('results').innerHTML = items.length ? items.map(function (it) {
      var t = TYPES[it.type] || {};
      return '<li tabindex="0" data-id="' + esc(it.id) + '"><span class="badge" style="background:' + t.color + '">' + esc(t.name || it.type) + '</span>' + esc(it.label) + '</li>';
    }).join('') : '<li>没有结果</li>';
    document.body.classList.toggle('has-results', true);
  }

  $('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = $('q').value.trim();
    var place = $('place').value.trim();
    if (!q && !place) return;
    var p;
    if (place) {
      // A place filter uses the lists, which include everything below that place.
      var f = { place: place };
      if (q) f.text = q;
      p = gql(LIST_Q, { f: f }).then(function (d) {
        var out = [];
        d.places.nodes.forEach(function (n) { out.push({ id: n.id, type: 'Place', label: n.name }); });
        d.initiatives.nodes.forEach(function (n) { out.push({ id: n.id, type: 'Initiative', label: n.name }); });
        d.people.nodes.forEach(function (n) { out.push({ id: n.id, type: 'Person', label: n.name }); });
        d.cohorts.nodes.forEach(function (n) { out.push({ id: n.id, type: 'Cohort', label: n.label }); });
        return out;
      });
    } else {
      p = gql(SEARCH_Q, { q: q }).then(function (d) {
        return d.search.map(function (h) { return { id: h.node.id, type: h.type, label: h.node.name || h.node.label || h.node.title }; });
      });
    }
    p.then(renderResults).catch(function (e) { $('results').innerHTML = '<li>出错：' + esc(e.message) + '</li>'; });
  });
  function choose(li) {
    // At phone width the results strip gives its room back to the graph.
    if (PHONE.matches) document.body.classList.remove('has-results');
    show([li.getAttribute('data-id')], Number($('depth').value));
  }
  $('results').addEventListener('click', function (ev) { var li = ev.target.closest('li[data-id]'); if (li) choose(li); });
  $('results').addEventListener('keydown', function (ev) { var li = ev.target.closest('li[data-id]'); if (li && ev.key === 'Enter') choose(li); });

  // ---- a shared view: /explore?focus=place:420921&depth=2&hide=…&types=Place,Initiative ----
  var params = new URL(location.href).searchParams;
  var depth = Number(params.get('depth') || '1');
  view.depth = depth >= 1 && depth <= 2 ? depth : 1;
  view.hidden = params.getAll('hide');
  var types = params.get('types');
  if (types) view.offTypes = Object.keys(TYPES).filter(function (t) { return types.split(',').indexOf(t) < 0; });
  renderLegend();
  exportLinks();
  var focus = params.getAll('focus').filter(Boolean);
  if (focus.length) show(focus, view.depth, true);
})();
