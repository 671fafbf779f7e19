/*
 * Live status of a case: draws the process diagram with bpmn-js (served from /vendor/bpmn-js) and
 * marks where the case is now ("highlight") and the steps it has passed ("done"). Everything it
 * needs comes from data- attributes on #process-diagram, as the Content-Security-Policy allows no
 * inline script.
 */
(function () {
  'use strict';

  function show(container, text) {
    var status = container.querySelector('.diagram-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'diagram-status';
      container.appendChild(status);
    }
    status.textContent = text;
  }

  function fetchText(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/xml' } }).then(function (response) {
      if (!response.ok) { throw new Error('The diagram could not be loaded (' + response.status + ').'); }
      return response.text();
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (response) {
      if (!response.ok) { throw new Error('The current step could not be loaded (' + response.status + ').'); }
      return response.json();
    });
  }

  function start() {
    var container = document.getElementById('process-diagram');
    if (!container || typeof window.BpmnJS !== 'function') { return; }
    var viewer = new window.BpmnJS({ container: container });
    Promise.all([fetchText(container.dataset.diagramUrl), fetchJson(container.dataset.activeUrl)])
      .then(function (loaded) {
        return viewer.importXML(loaded[0]).then(function () { return loaded[1]; });
      })
      .then(function (status) {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var mark = function (ids, marker) {
          (ids || []).forEach(function (id) {
            if (registry.get(id)) { canvas.addMarker(id, marker); }
          });
        };
        mark((status.completed || []).filter(function (id) { return (status.active || []).indexOf(id) < 0; }), 'done');
        mark(status.active, 'highlight');
        canvas.zoom('fit-viewport');
        var loading = container.querySelector('.diagram-status');
        if (loading) { loading.remove(); }
        container.setAttribute('data-rendered', 'true');
      })
      .catch(function (error) {
        show(container, error && error.message ? error.message : String(error));
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
