/** The inspector page's CSS, inlined (no external asset: the page works offline). */
export const INSPECTOR_STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f6f7f9}
header{display:flex;align-items:center;gap:1rem;padding:.7rem 1.2rem;background:#1d2330;color:#fff;flex-wrap:wrap}
header h1{font-size:1.1rem;margin:0}header a{color:#9cc3ff;margin-left:auto}
#clock{font-family:ui-monospace,monospace;font-size:.85rem}
.pill{font-size:.75rem;padding:.1rem .5rem;border-radius:999px;background:#44506a}
.pill.ok{background:#1f9254}.pill.down{background:#c8372d}
main{padding:1rem 1.2rem}h2{font-size:.95rem;margin:1.2rem 0 .4rem}h3{font-size:.85rem;margin:1rem 0 .3rem}h4{font-size:.8rem;margin:.6rem 0 .2rem}
.toolbar{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center}
.group{display:flex;gap:.35rem;align-items:center;flex-wrap:wrap}.label{font-size:.75rem;color:#4b5468;text-transform:uppercase}
button,select,input,textarea{font:inherit;font-size:.85rem}
button{cursor:pointer;padding:.3rem .6rem;border-radius:6px;border:1px solid #8a93a6;background:#fff;color:#1d2330}
button:hover:not(:disabled){background:#eef2fa}button:disabled{cursor:default;opacity:.5}
button.link{border:0;background:none;padding:0;color:#1f56b8;text-decoration:underline;font:inherit;text-align:left}
:focus-visible{outline:2px solid #2f6fde;outline-offset:2px}
#message{min-height:1.2em;font-size:.9rem;white-space:pre-wrap}#message.error,.error{color:#b3261e}.ok{color:#176b3f}
.file{cursor:pointer;padding:.3rem .6rem;border-radius:6px;border:1px solid #8a93a6;background:#fff;font-size:.85rem}
.file input{display:none}#download-snapshot{font-size:.85rem}
pre{background:#fff;border:1px solid #e4e7ed;padding:.5rem;margin:0;font-size:.78rem;overflow:auto;max-height:24rem;white-space:pre-wrap;word-break:break-word}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.82rem;margin-bottom:.5rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e7ed;vertical-align:top}
tr.selected{background:#e8f0fe}.scroll{overflow-x:auto}.files td.id{word-break:break-all;min-width:12rem}
.fields th{width:8rem;white-space:nowrap}td.id,.id button{font-family:ui-monospace,monospace;font-size:.75rem}
#job-table .id button{display:block;max-width:11rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#job-table td:nth-child(5),#job-table td:nth-child(6){white-space:nowrap}#job-table td:nth-child(7){min-width:12rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(22rem,32rem);gap:0 1.2rem;align-items:start}
@media (max-width:1200px){.layout{grid-template-columns:minmax(0,1fr)}}
#detail{position:sticky;top:0;max-height:100vh;overflow:auto}
.filters,.pager{display:flex;gap:.6rem;align-items:center;flex-wrap:wrap;margin:.3rem 0;font-size:.85rem}
.badge{display:inline-block;min-width:4rem;text-align:center;padding:.05rem .45rem;border-radius:999px;font-size:.72rem;color:#fff;background:#5b6478;margin-right:.25rem}
.badge[data-status=pending]{background:#6b7489}.badge[data-status=running]{background:#2f6fde}
.badge[data-status=success]{background:#1a7f4b}.badge[data-status=failed]{background:#c0362c}
.bar{display:inline-block;width:4rem;height:.55rem;background:#e4e7ed;border-radius:4px;overflow:hidden;vertical-align:middle}
.bar>span{display:block;height:100%;background:#2f6fde;transition:width .3s}
.bar[data-status=success]>span{background:#1a7f4b}.bar[data-status=failed]>span{background:#c0362c}
.graph-error{color:#b3261e;font-size:.85rem}.progress{white-space:nowrap}
.hint{font-size:.8rem;color:#4b5468;margin:.2rem 0}#traffic td{font-family:ui-monospace,monospace;font-size:.75rem}
form.submit{display:grid;gap:.4rem;max-width:40rem}form.submit textarea{font-family:ui-monospace,monospace;width:100%;box-sizing:border-box}
.fieldset,.params{display:grid;gap:.4rem}.fieldset[hidden]{display:none}.params input{font-family:ui-monospace,monospace;font-size:.78rem}
.records td{font-size:.75rem}.records td:last-child{word-break:break-word}details>summary{cursor:pointer;font-size:.8rem;margin:.4rem 0}
.export-file code,.export-target code{word-break:break-all}
`;
