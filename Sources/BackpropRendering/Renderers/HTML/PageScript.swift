/// The page's presenter: a small hand-written script, no framework.
///
/// State: `step` (0 = the title page), `notation`, `line` (1-based reveal stage, or `all`),
/// `blank`, `help` and the digits typed towards a step number. The state lives in the hash,
/// `#step=N&notation=X&line=K`; a change of step or notation adds a history entry (so the
/// back button returns to the previous step), a change of line replaces it. `#selftest` runs
/// the self-test (`PageSelfTest.javaScript`), which writes its verdict as JSON into
/// `<pre id="selftest-verdict">`. `keyMap` is the key map, printed in the page's help and
/// in README ("Classroom demo"); `DemoState` follows the same map in the terminal.
enum PageScript {
    /// One row of the key map.
    struct KeyRow: Equatable, Sendable {
        var keys: String
        var action: String
    }

    /// The key map, in the order the help lists it.
    static let keyMap: [KeyRow] = [
        KeyRow(keys: "→  Space", action: "next equation line, then the next step"),
        KeyRow(keys: "←", action: "previous line, then the end of the previous step"),
        KeyRow(keys: "Home  End", action: "title page, last step"),
        KeyRow(keys: "1–15 then Enter", action: "go to that step (Esc cancels)"),
        KeyRow(keys: "n", action: "next notation (same step and line)"),
        KeyRow(keys: "a", action: "show the whole step"),
        KeyRow(keys: "b", action: "blank the screen; any key brings it back"),
        KeyRow(keys: "?", action: "this help; any key closes it"),
    ]

    static let javaScript = """
        (function(){"use strict";
        var data=JSON.parse(document.getElementById("page-data").textContent);
        var notations=data.notations,steps=data.steps,sections={};
        var all=document.querySelectorAll("section.step");
        for(var i=0;i<all.length;i++){sections[all[i].getAttribute("data-step")+"|"+all[i].getAttribute("data-notation")]=all[i];}
        document.body.classList.add("js");
        var state={step:steps[0],notation:notations[0],line:1,all:false,blank:false,help:false,typed:"",notice:""};
        function section(s){return sections[s.step+"|"+s.notation];}
        function stages(s){var e=section(s);return e?parseInt(e.getAttribute("data-stages"),10)||1:1;}
        function shownStage(s){return s.all?stages(s)-1:Math.min(s.line,stages(s))-1;}
        function copy(s){var c={};for(var k in s){c[k]=s[k];}return c;}
        function hashOf(s){return "#step="+s.step+"&notation="+encodeURIComponent(s.notation)+"&line="+(s.all?"all":s.line);}
        function parseHash(h,base){
          var s=copy(base);s.blank=false;s.help=false;s.typed="";
          var parts=h.replace(/^#/,"").split("&"),seen=false;
          for(var i=0;i<parts.length;i++){var kv=parts[i].split("=");var k=kv[0],v=decodeURIComponent(kv[1]||"");
            if(k==="step"){var n=parseInt(v,10);if(steps.indexOf(n)>=0){s.step=n;s.line=1;s.all=false;seen=true;}}
            else if(k==="notation"&&notations.indexOf(v)>=0){s.notation=v;seen=true;}
            else if(k==="line"){if(v==="all"){s.all=true;}else{var l=parseInt(v,10);if(l>=1){s.line=l;s.all=false;}}}}
          if(!s.all){s.line=Math.min(Math.max(1,s.line),stages(s));}
          return seen?s:null;}
        function next(s){var t=copy(s);
          if(!t.all&&t.line<stages(t)){t.line+=1;if(t.line===stages(t)){t.all=false;}return t;}
          var k=steps.indexOf(t.step);
          if(k<steps.length-1){t.step=steps[k+1];t.line=1;t.all=false;return t;}
          t.notice="this is the last step; ← goes back";return t;}
        function prev(s){var t=copy(s);
          if(t.all){t.all=false;t.line=stages(t);}
          if(t.line>1){t.line-=1;return t;}
          var k=steps.indexOf(t.step);
          if(k>0){t.step=steps[k-1];t.line=stages(t);return t;}
          t.notice="this is the title page; → goes on";return t;}
        function transition(s,key){var t=copy(s);t.notice="";
          if(t.help){t.help=false;return t;}
          if(t.blank){t.blank=false;return t;}
          if(t.typed!==""){
            if(/^[0-9]$/.test(key)){if(t.typed.length<3){t.typed+=key;}return t;}
            if(key==="Backspace"){t.typed=t.typed.slice(0,-1);return t;}
            if(key==="Escape"){t.typed="";return t;}
            if(key==="Enter"){var n=parseInt(t.typed,10);t.typed="";
              if(steps.indexOf(n)>=0&&n>0){t.step=n;t.line=1;t.all=false;}
              else{t.notice="there is no step "+n+" here: the steps are "+steps[1]+" to "+steps[steps.length-1];}return t;}
            t.typed="";}
          switch(key){
            case "ArrowRight":case " ":return next(t);
            case "ArrowLeft":return prev(t);
            case "Home":t.step=steps[0];t.line=1;t.all=false;return t;
            case "End":t.step=steps[steps.length-1];t.line=1;t.all=false;return t;
            case "n":t.notation=notations[(notations.indexOf(t.notation)+1)%notations.length];
              if(!t.all){t.line=Math.min(t.line,stages(t));}return t;
            case "a":t.all=true;return t;
            case "b":t.blank=true;return t;
            case "?":t.help=true;return t;}
          if(/^[0-9]$/.test(key)){t.typed=key;}
          return t;}
        var shown=null;
        function highlight(e,k){var lines=e.querySelectorAll(".ln"),now=null;
          for(var i=0;i<lines.length;i++){lines[i].classList.remove("now");if(k!==null&&lines[i].getAttribute("data-stage")===String(k)){now=lines[i];}}
          var svg=e.querySelector("svg.net");if(!svg){return;}
          var marked=svg.querySelectorAll(".hl-a,.hl-z,.hl-d,.hl-w,.hl-g");
          for(var m=0;m<marked.length;m++){marked[m].classList.remove("hl-a","hl-z","hl-d","hl-w","hl-g");}
          svg.classList.remove("hl");
          if(!now){return;}now.classList.add("now");
          // The line just revealed comes into sight (the .ln row itself has no box).
          var cell=now.querySelector(".rhs");if(cell&&!selftesting){var r=cell.getBoundingClientRect();
            if(r.bottom>window.innerHeight||r.top<0){cell.scrollIntoView({block:"nearest"});}}
          var box=now.closest(".eqbox"),uses=box?(box.getAttribute("data-uses")||""):"";if(uses===""){return;}
          svg.classList.add("hl");
          var tokens=uses.split(" "),units=svg.querySelectorAll("g.unit"),edges=svg.querySelectorAll("line.w");
          function fits(want,have){return want==="*"||want===have;}
          for(var t=0;t<tokens.length;t++){var p=tokens[t].split(":");
            if(p[0]==="w"||p[0]==="g"){for(var x=0;x<edges.length;x++){var q=edges[x].getAttribute("data-weight").split("-");
                if(q[0]===p[1]&&fits(p[2],q[1])&&fits(p[3],q[2])){edges[x].classList.add("hl-"+p[0]);}}}
            else{for(var u=0;u<units.length;u++){var r=units[u].getAttribute("data-unit").split("-");
                if(r[0]===p[1]&&fits(p[2],r[1])){units[u].classList.add("hl-"+p[0]);}}}}}
        function render(){
          var e=section(state);
          if(shown&&shown!==e){shown.classList.remove("on");}
          if(e){e.classList.add("on");shown=e;
            var k=shownStage(state),items=e.querySelectorAll("[data-stage]");
            for(var i=0;i<items.length;i++){items[i].classList.toggle("later",parseInt(items[i].getAttribute("data-stage"),10)>k);}
            highlight(e,state.all?null:k);}
          for(var key in sections){sections[key].classList.toggle("cur",sections[key].getAttribute("data-notation")===state.notation);}
          document.getElementById("deriv").hidden=true;
          document.getElementById("blank").hidden=!state.blank;
          document.getElementById("help").hidden=!state.help;
          document.getElementById("notation").textContent="notation: "+state.notation;
          var where=state.step===0?"title page":"step "+state.step+" \\u00b7 line "+(shownStage(state)+1)+"/"+stages(state);
          if(state.typed!==""){where+=" \\u00b7 go to step "+state.typed+"\\u2026";}
          if(state.notice){where+=" \\u00b7 "+state.notice;}
          document.getElementById("where").textContent=where;
          document.title=(state.step===0?"":"Step "+state.step+" \\u00b7 ")+data.title;}
        function apply(t,push){var moved=t.step!==state.step||t.notation!==state.notation;
          state=t;var h=hashOf(t);
          if(location.hash!==h&&!selftesting){try{if(push&&moved){history.pushState(null,"",h);}else{history.replaceState(null,"",h);}}catch(err){}}
          if(moved){window.scrollTo(0,0);}render();}
        function press(key){apply(transition(state,key),true);}
        var selftesting=/^#selftest/.test(location.hash);
        document.addEventListener("keydown",function(ev){
          if(ev.ctrlKey||ev.metaKey||ev.altKey){return;}
          var tag=ev.target&&ev.target.tagName;if(tag==="INPUT"||tag==="TEXTAREA"||tag==="SELECT"){return;}
          var key=ev.key,panel=document.getElementById("deriv");
          if(!panel.hidden){panel.hidden=true;ev.preventDefault();return;}
          if(key==="Enter"&&state.typed===""&&!state.help&&!state.blank){return;}
          if(key===" "&&tag==="BUTTON"&&!state.help&&!state.blank){return;}
          var known=/^(ArrowRight|ArrowLeft|Home|End|Enter|Escape|Backspace| |n|a|b|\\?|[0-9])$/.test(key);
          if(!known&&!state.help&&!state.blank){return;}
          ev.preventDefault();press(key);});
        function onHash(){if(selftesting){return;}var t=parseHash(location.hash,state);if(t){state=t;render();}}
        window.addEventListener("hashchange",onHash);
        window.addEventListener("popstate",onHash);
        function button(id,key){document.getElementById(id).addEventListener("click",function(){press(key);});}
        button("prev","ArrowLeft");button("next","ArrowRight");button("notation","n");button("all","a");
        button("blank-button","b");button("help-button","?");
        document.getElementById("blank").addEventListener("click",function(){press("b");});
        document.getElementById("help").addEventListener("click",function(){press("?");});
        document.getElementById("main").addEventListener("click",function(ev){
          var t=ev.target;while(t&&t!==this){var n=t.tagName;if(n==="A"||n==="BUTTON"||n==="INPUT"||n==="LABEL"||n==="line"||n==="math"||\
        (t.classList&&(t.classList.contains("eqbox")||t.classList.contains("tbox")))){return;}t=t.parentNode;}
          if(window.getSelection&&String(window.getSelection())!==""){return;}
          press(ev.clientX<window.innerWidth/3?"ArrowLeft":"ArrowRight");});
        function openDerivation(edge){var store=document.querySelector('.derivs[data-notation="'+state.notation+'"]');
          if(!store){return false;}var d=store.querySelector('.deriv[data-for="'+edge.getAttribute("data-weight")+'"]');if(!d){return false;}
          var body=document.getElementById("deriv-body");body.textContent="";body.appendChild(d.cloneNode(true));
          var panel=document.getElementById("deriv");panel.hidden=false;document.getElementById("deriv-close").focus();return true;}
        var edgesAll=document.querySelectorAll("svg.net line.w[tabindex]");
        for(var ei=0;ei<edgesAll.length;ei++){
          edgesAll[ei].addEventListener("click",function(ev){ev.stopPropagation();openDerivation(this);});
          edgesAll[ei].addEventListener("keydown",function(ev){if(ev.key==="Enter"||ev.key===" "){ev.preventDefault();ev.stopPropagation();openDerivation(this);}});}
        document.getElementById("deriv-close").addEventListener("click",function(){document.getElementById("deriv").hidden=true;});
        function showFrame(input){var fig=input.closest("figure"),k=String(input.value),frames=fig.querySelectorAll("div.mapframe");
          for(var j=0;j<frames.length;j++){frames[j].hidden=frames[j].getAttribute("data-frame")!==k;}
          var caps=(input.getAttribute("data-captions")||"").split("|"),out=fig.querySelector("output");if(out){out.textContent=caps[input.value]||"";}}
        var sliders=document.querySelectorAll("input.epoch");
        for(var si=0;si<sliders.length;si++){sliders[si].addEventListener("input",function(){showFrame(this);});}
        var start=parseHash(location.hash,state);if(start){state=start;}
        render();
        if(selftesting){window.backpropPage={state:function(){return copy(state);},press:press,sections:sections,
          notations:notations,steps:steps,stages:stages,shownStage:shownStage,hashOf:hashOf,parseHash:parseHash,
          go:function(h){var t=parseHash(h,state);if(t){apply(t,false);}return !!t;}};}
        """ + PageSelfTest.javaScript + "})();"
}
