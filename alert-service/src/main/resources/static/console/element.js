// Draws the element page's score history from the JSON in #risk-chart's data-chart attribute:
// the score over time, the level bands behind it, the baseline, and a marker per contributing event.
(function () {
  var node = document.getElementById('risk-chart');
  if (!node || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(node.dataset.chart);
  var colours = {low: '#2e7d32', guarded: '#5c8f1f', elevated: '#b7791f', high: '#c2410c', severe: '#b91c1c'};
  var bands = data.bands.map(function (b) {
    return [{yAxis: b.from, name: b.level.toUpperCase(), itemStyle: {color: colours[b.level], opacity: 0.12}},
      {yAxis: b.to}];
  });
  var markers = data.markers.map(function (m) {
    return {xAxis: m.at, name: m.title, label: {show: false}};
  });
  var chart = echarts.init(node);
  chart.setOption({
    animation: false,
    grid: {left: 40, right: 16, top: 16, bottom: 40},
    tooltip: {trigger: 'axis'},
    xAxis: {type: 'time'},
    yAxis: {type: 'value', min: 0, max: 100},
    series: [{
      name: 'Score', type: 'line', step: 'end', showSymbol: data.points.length < 60,
      data: data.points.map(function (p) { return [p[0], p[1]]; }),
      markArea: {silent: true, label: {position: 'insideLeft', color: '#5b6475'}, data: bands},
      markLine: {
        symbol: 'none', label: {formatter: '{b}', show: false},
        emphasis: {label: {show: true}},
        lineStyle: {color: '#1f5fbf', type: 'dashed'},
        data: markers.concat([{yAxis: data.baseline, name: 'baseline', lineStyle: {color: '#5b6475', type: 'dotted'},
          label: {show: true, formatter: 'baseline', position: 'insideEndTop'}}])
      }
    }]
  });
  node.dataset.drawn = String(data.points.length);
  window.addEventListener('resize', function () { chart.resize(); });
})();
