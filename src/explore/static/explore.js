/* The explorer page: search the full-text index, draw a node's neighbourhood, expand on click,
   and show properties with the evidence quotes and their articles. Talks only to /graphql. */
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
  };
  var EDGE_NAMES = { MENTORS: '帮带', PART_OF: '隶属', IN: '位于', RUN_BY: '主办', WORKS_FOR: '任职', BASED_IN: '所在', MEMBER_OF: '成员', PARTICIPATES_IN: '参与', ABOUT: '关于', LOCATED_IN: '位于', MENTIONS: '提及' };

  function $(id) { return document.getElementById(id); }
  var esc = window.cadrePage.esc;

  var gql = window.cadrePage.gql;
  function status(msg) { $('status').textContent = msg || ''; }

  cytoscape.use(cytoscapeFcose);
  var cy = cytoscape({
    container: $('cy'),
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      { selector: 'node', style: {
        'background-color': function (n) { return (TYPES[n.data('type')] || {}).color || '#999'; },
        'shape': function (n) { return (TYPES[n.data('type')] || {}).shape || 'ellipse'; },
        'label': 'data(short)', 'font-size': 13, 'text-valign': 'bottom', 'text-margin-y': 4, 'width': 22, 'height': 22,
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 2,
        'font-family': '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif' } },
      { selector: 'node.focus', style: { 'width': 32, 'height': 32, 'border-width': 3, 'border-color': '#102a43', 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#e12d39' } },
      { selector: 'edge', style: { 'width': 1.5, 'line-color': '#bcccdc', 'target-arrow-color': '#bcccdc', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
      { selector: 'edge[type = "MENTORS"]', style: { 'width': 3, 'line-color': '#e12d39', 'target-arrow-color': '#e12d39', 'label': '帮带', 'font-size': 10, 'color': '#e12d39', 'text-background-color': '#fff', 'text-background-opacity': 0.85 } },
      { selector: 'edge:selected', style: { 'line-color': '#102a43', 'target-arrow-color': '#102a43' } },
    ],
  });
  window.cy = cy; // for tests and the curious

  function short(label) { return label.length > 14 ? label.slice(0, 13) + '…' : label; }

  function addView(view, focusId) {
    var added = 0;
    var at = focusId && cy.getElementById(focusId).nonempty() ? cy.getElementById(focusId).position() : { x: 0, y: 0 };
    view.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).nonempty()) return;
      // New nodes start around the node they came from; the layout then places them.
      cy.add({ group: 'nodes', data: { id: n.id, type: n.type, label: n.label, short: short(n.label), props: n.properties },
        position: { x: at.x + (Math.random() - 0.5) * 200, y: at.y + (Math.random() - 0.5) * 200 } });
      added++;
    });
    view.edges.forEach(function (e) {
      if (cy.getElementById(e.id).nonempty()) return;
      if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) return;
      cy.add({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, props: e.properties } });
    });
    cy.nodes().removeClass('focus');
    if (focusId) cy.getElementById(focusId).addClass('focus');
    return added;
  }

  function layout() {
    return new Promise(function (resolve) {
      var l = cy.layout({
        name: 'fcose', quality: 'proof', animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
        nodeRepulsion: function () { return 12000; }, idealEdgeLength: function () { return 90; },
        nodeSeparation: 90, gravity: 0.2, numIter: 3000, padding: 30, packComponents: true,
      });
      l.one('layoutstop', function () { separateLabels(); cy.fit(undefined, 30); resolve(); });
      l.run();
    });
  }

  // fCoSE spaces nodes by their label boxes but still leaves a few long Chinese labels touching;
  // a final pass nudges any overlapping pair apart along the axis of least overlap.
  function separateLabels() {
    var nodes = cy.nodes().toArray();
    for (var pass = 0; pass < 60; pass++) {
      var moved = false;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i].boundingBox({ includeLabels: true }), b = nodes[j].boundingBox({ includeLabels: true });
          var ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + 4, oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + 4;
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          var pa = nodes[i].position(), pb = nodes[j].position();
          if (ox < oy) { var dx = (pa.x <= pb.x ? -1 : 1) * ox / 2; nodes[i].position({ x: pa.x + dx, y: pa.y }); nodes[j].position({ x: pb.x - dx, y: pb.y }); }
          else { var dy = (pa.y <= pb.y ? -1 : 1) * oy / 2; nodes[i].position({ x: pa.x, y: pa.y + dy }); nodes[j].position({ x: pb.x, y: pb.y - dy }); }
        }
      }
      if (!moved) break;
    }
  }

  var GRAPH_Q = 'query($f: [ID!]!) { graph(focus: $f, depth: 1, limit: 60) { truncated nodes { id: entityId type label properties } edges { id source: sourceEntityId target: targetEntityId type properties } } }';

  // The view in the URL (?focus=<id>), so that it can be shared and reloaded.
  function remember(id) {
    var u = new URL(location.href);
    u.searchParams.set('focus', id);
    history.replaceState(null, '', u);
  }

  function show(id) {
    remember(id);
    status('加载中…');
    cy.elements().remove();
    return gql(GRAPH_Q, { f: [id] }).then(function (d) {
      addView(d.graph, id);
      status(cy.nodes().length + ' 个节点' + (d.graph.truncated ? '（已截断）' : '') + ' · 点击节点展开');
      return layout();
    }).then(function () { select(id); }).catch(function (e) { status('出错：' + e.message); });
  }

  function expand(id) {
    status('展开中…');
    return gql(GRAPH_Q, { f: [id] }).then(function (d) {
      var added = addView(d.graph, id);
      status(cy.nodes().length + ' 个节点 · 新增 ' + added);
      return added > 0 ? layout() : null;
    }).then(function () { select(id); }).catch(function (e) { status('出错：' + e.message); });
  }

  var EVIDENCE_Q = 'query($id: ID!) { node(id: $id) { ... on Place { evidence { ...E } } ... on Initiative { evidence { ...E } } ... on Person { evidence { ...E } } ... on Cohort { evidence { ...E } } ... on Organization { evidence { ...E } } ... on Figure { evidence { ...E } } } } fragment E on Evidence { quote offset article { id title url publishedAt } }';
  var ARTICLE_Q = 'query($id: ID!) { node(id: $id) { ... on Article { id title publisher publishedAt url text } } }';

  function propsTable(props) {
    var rows = Object.keys(props || {}).filter(function (k) { return k !== 'id' && props[k] !== null && props[k] !== '' && !(Array.isArray(props[k]) && props[k].length === 0); })
      .map(function (k) { var v = props[k]; return '<tr><td>' + esc(k) + '</td><td>' + esc(Array.isArray(v) ? v.join('、') : v) + '</td></tr>'; });
    return '<table>' + rows.join('') + '</table>';
  }

  function evidenceHtml(list) {
    if (!list.length) return '<p class="hint">没有原文引述。</p>';
    return list.map(function (e) {
      return '<div class="evidence">“' + esc(e.quote) + '”<br><button class="article-link" data-article="' + esc(e.article.id) + '" data-quote="' + esc(e.quote) + '">' + esc(e.article.title || e.article.id) + '</button>' +
        (e.article.url ? ' · <a href="' + esc(e.article.url) + '" target="_blank" rel="noopener">原网页</a>' : '') + '</div>';
    }).join('');
  }

  function select(id) {
    var n = cy.getElementById(id);
    if (n.empty()) return;
    cy.elements().unselect();
    n.select();
    var d = n.data();
    var t = TYPES[d.type] || {};
    $('panel').innerHTML = '<h2><span class="badge" style="background:' + t.color + '">' + esc(t.name || d.type) + '</span>' + esc(d.label) + '</h2>' +
      propsTable(d.props) + '<h3>证据</h3><div id="evidence">加载中…</div>';
    if (d.type === 'Article') { openArticle(id); return; }
    // The panel may show something else by the time the answer comes (another click).
    gql(EVIDENCE_Q, { id: id }).then(function (r) {
      var el = $('evidence');
      if (el) el.innerHTML = evidenceHtml((r.node && r.node.evidence) || []);
    }).catch(function (e) { var el = $('evidence'); if (el) el.textContent = e.message; });
  }

  // Ids and the evidence lists are shown as names and quotes, not as raw properties.
  var EDGE_HIDDEN = { quotes: 1, articleIds: 1, offsets: 1, claims: 1, source: 1 };
  var TITLES_Q = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Article { title } ... on Initiative { name } ... on Place { name } } }';

  function selectEdge(e) {
    var d = e.data();
    var p = d.props || {};
    var src = cy.getElementById(d.source).data('label');
    var tgt = cy.getElementById(d.target).data('label');
    var shown = {};
    Object.keys(p).forEach(function (k) { if (!EDGE_HIDDEN[k]) shown[k] = p[k]; });
    var ids = (p.articleIds || []).slice(0, 50);
    if (typeof p.initiative === 'string' && p.initiative.indexOf('initiative:') === 0) ids.push(p.initiative);
    $('panel').innerHTML = '<h2>' + esc(src) + ' → ' + esc(tgt) + '</h2><p>' + esc(EDGE_NAMES[d.type] || d.type) + '</p><div id="edge-props">' + propsTable(shown) + '</div><h3>证据</h3><div id="evidence">加载中…</div>';
    var named = ids.length ? gql(TITLES_Q, { ids: ids }) : Promise.resolve({ nodes: [] });
    named.then(function (r) {
      var name = {};
      (r.nodes || []).forEach(function (n) { if (n) name[n.id] = n.title || n.name; });
      if (!$('edge-props')) return; // the panel shows something else by now
      if (shown.initiative && name[shown.initiative]) { shown.initiative = name[shown.initiative]; $('edge-props').innerHTML = propsTable(shown); }
      var quotes = (p.quotes || []).map(function (q, i) {
        var id = (p.articleIds || [])[i];
        return { quote: q, article: { id: id, title: name[id] || '文章' } };
      }).filter(function (x) { return x.article.id; });
      $('evidence').innerHTML = evidenceHtml(quotes);
    }).catch(function (err) { var el = $('evidence'); if (el) el.textContent = err.message; });
  }

  function openArticle(id, quote) {
    gql(ARTICLE_Q, { id: id }).then(function (r) {
      var a = r.node;
      if (!a) return;
      var text = esc(a.text);
      if (quote) text = text.split(esc(quote)).join('<mark>' + esc(quote) + '</mark>');
      $('panel').innerHTML = '<h2>' + esc(a.title || a.id) + '</h2><p>' + esc([a.publisher, a.publishedAt].filter(Boolean).join(' · ')) +
        (a.url ? ' · <a href="' + esc(a.url) + '" target="_blank" rel="noopener">原网页</a>' : '') + '</p><div class="article-text" id="article-text">' + text + '</div>';
      // Scroll the panel (not the page) to the quote.
      var m = $('panel').querySelector('mark');
      if (m) $('panel').scrollTop = m.offsetTop - $('panel').offsetTop - 80;
    });
  }

  $('panel').addEventListener('click', function (ev) {
    var b = ev.target.closest('[data-article]');
    if (b) openArticle(b.getAttribute('data-article'), b.getAttribute('data-quote'));
  });
  cy.on('tap', 'node', function (ev) { expand(ev.target.id()); });
  // Labels are cut at a few characters; the whole name shows on hover.
  cy.on('mouseover', 'node', function (ev) { cy.container().title = ev.target.data('label'); });
  cy.on('mouseout', 'node', function () { cy.container().title = ''; });
  cy.on('tap', 'edge', function (ev) { selectEdge(ev.target); });

  var LIST_Q = 'query($f: ListFilter) { places(filter: $f, first: 10) { nodes { id name } } initiatives(filter: $f, first: 10) { nodes { id name } } people(filter: $f, first: 10) { nodes { id name } } cohorts(filter: $f, first: 10) { nodes { id label } } }';
  var SEARCH_Q = 'query($q: String!) { search(query: $q, first: 20) { type node { ... on Place { id name } ... on Initiative { id name } ... on Person { id name } ... on Cohort { id label } ... on Organization { id name } ... on Article { id title } } } }';

  function renderResults(items) {
    $('results').innerHTML = items.length ? items.map(function (it) {
      var t = TYPES[it.type] || {};
      return '<li tabindex="0" data-id="' + esc(it.id) + '"><span class="badge" style="background:' + t.color + '">' + esc(t.name || it.type) + '</span>' + esc(it.label) + '</li>';
    }).join('') : '<li>没有结果</li>';
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
  $('results').addEventListener('click', function (ev) {
    var li = ev.target.closest('li[data-id]');
    if (li) show(li.getAttribute('data-id'));
  });
  $('results').addEventListener('keydown', function (ev) {
    var li = ev.target.closest('li[data-id]');
    if (li && ev.key === 'Enter') show(li.getAttribute('data-id'));
  });

  // A shared view: /explore?focus=place:420921 draws that node's neighbourhood.
  var focus = new URL(location.href).searchParams.get('focus');
  if (focus) show(focus);

  $('legend').innerHTML = Object.keys(TYPES).map(function (k) {
    return '<li><span class="swatch" style="background:' + TYPES[k].color + '"></span>' + TYPES[k].name + '</li>';
  }).join('') + '<li><span class="swatch" style="background:#e12d39;height:3px;vertical-align:middle"></span>帮带</li>';
})();
