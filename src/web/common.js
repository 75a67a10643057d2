/* What every page of ours needs: escaping for innerHTML and a POST to /graphql that throws the
   first error's message (the server's messages are written for users). */
(function () {
  'use strict';
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function gql(query, variables) {
    return fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (r) { return r.json(); })
      .then(function (r) { if (r.errors) throw new Error(r.errors[0].message); return r.data; });
  }
  window.cadrePage = { esc: esc, gql: gql };
})();
