/// The page's self-test, run when the page opens at `#selftest` (part of `PageScript`'s
/// closure, so it drives the same state machine the keys do).
///
/// For every step in every notation it selects the section through a hash, then walks its
/// reveal with →, and checks after each move that exactly the selected section is shown, that
/// exactly the elements of the shown stages are visible, that the page does not scroll
/// sideways, and (with every line shown) that every `<math>` has a non-empty box. Then it
/// drives the other keys (Home, End, a step number and Enter, n, a, b, ?, ← across a step)
/// and, with real hash changes, a link to a step and the back button. The verdict is JSON in
/// `<pre id="selftest-verdict">`: `{"ok":…,"checked":…,"maths":…,"width":…,"failures":[…]}`.
enum PageSelfTest {
    static let javaScript = """
        function runSelfTest(){
          var failures=[],checked=0,maths=0,sliders=0,highlights=0,derivations=0,e0=null;
          // Headless Chromium's window is at least 500 px wide: the body is narrowed to a
          // phone's 390 px (CSSOM, which the CSP allows) so overflow is measured there.
          var narrowest=390;if(window.innerWidth>narrowest){document.body.style.width=narrowest+"px";}
          function fail(m){if(failures.length<40){failures.push(m);}}
          function key(s){return s.step+"|"+s.notation;}
          function check(label){checked+=1;
            var shownKeys=[];for(var k in sections){if(sections[k].getClientRects().length>0){shownKeys.push(k);}}
            if(shownKeys.length!==1||shownKeys[0]!==key(state)){fail(label+": shown ["+shownKeys.join(", ")+"], selected "+key(state));}
            var e=section(state);if(!e){fail(label+": no section "+key(state));return;}
            var k=shownStage(state),items=e.querySelectorAll("[data-stage]");
            for(var i=0;i<items.length;i++){var st=parseInt(items[i].getAttribute("data-stage"),10);
              var hidden=getComputedStyle(items[i]).visibility==="hidden";
              if((st>k)!==hidden){fail(label+": an element of stage "+(st+1)+" is "+(hidden?"hidden":"shown")+" at line "+(k+1));break;}}
            var over=Math.max(document.documentElement.scrollWidth-document.documentElement.clientWidth,
              document.body.scrollWidth-document.body.clientWidth);
            if(over>1){fail(label+": the page scrolls sideways by "+over+" px at "+document.body.clientWidth+" px ("+culprit(e)+")");}}
          function culprit(e){var limit=document.body.getBoundingClientRect().right+1,all=e.querySelectorAll("*");
            for(var i=0;i<all.length;i++){if(all[i].getBoundingClientRect().right>limit&&!all[i].closest(".eqbox,.tbox,.wide")){
              return "<"+all[i].tagName.toLowerCase()+(all[i].className&&all[i].className.baseVal===undefined?" class="+all[i].className:"")+"> "+
                (all[i].textContent||"").slice(0,40);}}return "the bar or a fixed element";}
          function checkMath(label){var e=section(state);if(!e){return;}var ms=e.querySelectorAll("math");
            for(var i=0;i<ms.length;i++){maths+=1;var r=ms[i].getBoundingClientRect();
              if(!(r.width>0&&r.height>0)){fail(label+": math "+(i+1)+" has an empty box");}}}
          function checkSliders(label){var e=section(state);if(!e){return;}var inputs=e.querySelectorAll("input.epoch");
            for(var i=0;i<inputs.length;i++){var input=inputs[i],max=parseInt(input.max,10);
              for(var v=0;v<=max;v++){input.value=String(v);input.dispatchEvent(new Event("input"));
                var shown=input.closest("figure").querySelectorAll("div.mapframe:not([hidden])");
                if(shown.length!==1||shown[0].getAttribute("data-frame")!==String(v)){fail(label+": the slider at "+v+" does not show that map");break;}
                var r=shown[0].getBoundingClientRect();if(!(r.width>0&&r.height>0)){fail(label+": the map at "+v+" has an empty box");}}
              sliders+=1;}}
          function checkDerivation(label){var e=section(state);if(!e){return;}var edge=e.querySelector("svg.net line.w[tabindex]");
            if(!edge){return;}edge.dispatchEvent(new MouseEvent("click",{bubbles:true}));
            var panel=document.getElementById("deriv"),m=panel.querySelector("math");
            if(panel.hidden||!m){fail(label+": clicking a weight showed no derivation");return;}
            var r=m.getBoundingClientRect();if(!(r.width>0&&r.height>0)){fail(label+": the derivation's math has an empty box");}
            if(state.step!==parseInt(e.getAttribute("data-step"),10)){fail(label+": clicking a weight moved the page");}
            document.dispatchEvent(new KeyboardEvent("keydown",{key:"x"}));
            if(!panel.hidden){fail(label+": a key did not close the derivation");}derivations+=1;}
          function expect(cond,label){checked+=1;if(!cond){fail(label);}}
          for(var n=0;n<notations.length;n++){for(var j=0;j<steps.length;j++){
            var s=steps[j],nt=notations[n],label="step "+s+" "+nt;
            if(!window.backpropPage.go("#step="+s+"&notation="+encodeURIComponent(nt)+"&line=all")){fail(label+": the hash was refused");continue;}
            expect(state.step===s&&state.notation===nt&&state.all,label+": line=all not selected");
            check(label+" line=all");checkMath(label);checkSliders(label);checkDerivation(label);
            window.backpropPage.go("#step="+s+"&notation="+encodeURIComponent(nt)+"&line=1");
            check(label+" line 1");
            var count=stages(state);
            for(var t=2;t<=count;t++){press("ArrowRight");
              if(e0=section(state)){if(e0.querySelector("svg.net .hl-a,svg.net .hl-z,svg.net .hl-d,svg.net .hl-w,svg.net .hl-g")){highlights+=1;}}
              expect(state.step===s&&state.line===t,label+": → did not reveal line "+t);check(label+" line "+t);}
            press("ArrowRight");
            if(j<steps.length-1){expect(state.step===steps[j+1]&&state.line===1,label+": → after the last line did not go to the next step");check(label+" then →");}}}
          var first=notations[0];
          window.backpropPage.go("#step="+steps[steps.length-1]+"&notation="+encodeURIComponent(first)+"&line=1");
          press("Home");expect(state.step===0,"Home did not open the title page");check("Home");
          press("ArrowRight");expect(state.step===steps[1]&&state.line===1,"→ on the title page did not open the first step");check("title →");
          press("End");expect(state.step===steps[steps.length-1],"End did not open the last step");check("End");
          if(steps.length>2){var target=steps[Math.floor(steps.length/2)],digits=String(target);
            for(var d=0;d<digits.length;d++){press(digits[d]);}
            press("Enter");expect(state.step===target&&state.line===1,"typing "+digits+" then Enter did not open step "+target);check("number then Enter");
            press("ArrowLeft");var before=steps[steps.indexOf(target)-1];
            expect(state.step===before&&state.line===stages(state),"← on line 1 did not open the previous step at its last line");check("← across steps");
            press("9");press("9");press("Enter");expect(state.step===before&&state.notice!=="","a step that does not exist was not refused");}
          var was=state.notation;press("n");
          expect(notations.length<2||state.notation!==was,"n did not change the notation");check("n");
          press("a");expect(state.all,"a did not show the whole step");check("a");
          press("b");expect(state.blank&&!document.getElementById("blank").hidden,"b did not blank the screen");
          press("x");expect(!state.blank&&document.getElementById("blank").hidden,"a key did not bring the screen back");
          press("?");expect(state.help&&!document.getElementById("help").hidden,"? did not show the help");
          press("ArrowRight");expect(!state.help,"a key did not close the help");
          var controls=document.querySelectorAll("#bar button");
          for(var c=0;c<controls.length;c++){expect(controls[c].tabIndex>=0&&controls[c].textContent!=="","control "+controls[c].id+" is not keyboard-reachable");}
          var svgs=document.querySelectorAll("svg.net");
          for(var g=0;g<svgs.length;g++){if(!svgs[g].querySelector("title")||!svgs[g].querySelector("desc")){fail("a network figure lacks its title or desc");break;}}
          selftesting=false;
          var linkStep=steps[Math.min(3,steps.length-1)],linked="#step="+linkStep+"&notation="+encodeURIComponent(first)+"&line=all";
          function finish(){var v={ok:failures.length===0,checked:checked,maths:maths,sections:Object.keys(sections).length,sliders:sliders,highlights:highlights,derivations:derivations,
              width:document.body.clientWidth,failures:failures};
            var pre=document.createElement("pre");pre.id="selftest-verdict";pre.textContent=JSON.stringify(v);document.body.appendChild(pre);}
          function later(f){setTimeout(f,30);}
          location.hash=linked;
          later(function(){expect(state.step===linkStep&&state.all&&state.notation===first,"a link with a hash did not open step "+linkStep);check("link");
            press("ArrowRight");var moved=state.step;
            expect(location.hash===hashOf(state),"the hash does not follow the state");
            history.back();
            later(function(){expect(state.step===linkStep,"the back button did not return to step "+linkStep+" (at "+state.step+", was "+moved+")");check("back");finish();});});}
        if(selftesting){setTimeout(runSelfTest,0);}
        """
}
